/** A candidate session as stored with its plan: the request's fields resolved (venue, time zone, slot). */
export interface PlanCandidateRecord {
  id: string;
  title: string;
  topic: string;
  courseId: string | null;
  format: string;
  city: string;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  venueId: string | null;
  /** Key the planner uses for "one session per venue per slot": the venue id, or the inline venue's name. */
  venueKey: string;
  capacity: number;
  cost: number;
  instructor: string;
  /** Price learners pay, major units. */
  price: number;
  currency: string;
  language: string;
  required: boolean;
  minAttendance?: number;
  /** Candidates whose times overlap share a slot (a learner can be at one of them). */
  slotId: string;
}
