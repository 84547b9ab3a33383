/** One session a draft service plan proposes to open. */
export interface ProposedSession {
  /** The plan's own key for the candidate (not an offline session id: nothing exists until approval). */
  candidateId: string;
  title: string;
  topic: string;
  city: string;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  capacity: number;
  /** Σ attend probabilities of the invited learners. */
  expectedAttendance: number;
  invitations: number;
}

/** A plan that is not approved yet and proposes sessions for a course. */
export interface CoursePlanProposal {
  planId: string;
  status: 'draft' | 'approving';
  createdAt: Date;
  periodStart: Date;
  periodEnd: Date;
  /** The plan's proposed sessions for this course (upcoming only). */
  sessions: ProposedSession[];
  /** Sessions the plan opens in all, this course's and others' (approval is for the whole plan). */
  totalSessions: number;
}

/**
 * Read port for draft service plans, so that pages of one capability (the LTI instructor page) can show another's
 * proposals (the planner's) without importing it. Core's binding answers "none" until a planner plugs in.
 */
export abstract class PlanProposals {
  /** Unapproved plans with upcoming sessions for the course, newest first. */
  abstract forCourse(tenantId: string, courseId: string): Promise<CoursePlanProposal[]>;

  /** Whether approve() does anything here (false without a planner). */
  abstract readonly canApprove: boolean;

  /** Approves the whole plan (creates its sessions and invitations); refused with a DomainError where impossible. */
  abstract approve(tenantId: string, planId: string): Promise<void>;
}
