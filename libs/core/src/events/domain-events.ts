import type { AttendanceStatus } from '../attendance/attendance.entity';
import type { BookingStatus } from '../bookings/booking.entity';

interface BookingFacts {
  tenantId: string;
  sessionId: string;
  bookingId: string;
  learnerId: string;
}

/** Every domain event and its payload. Later capabilities subscribe by name. */
export interface DomainEventMap {
  SessionCreated: { tenantId: string; sessionId: string };
  SessionUpdated: { tenantId: string; sessionId: string; changed: string[] };
  SessionCancelled: { tenantId: string; sessionId: string; reason: string | null; cancelledBookingIds: string[] };
  BookingConfirmed: BookingFacts;
  BookingWaitlisted: BookingFacts & { waitlistPosition: number };
  BookingPromoted: BookingFacts;
  BookingCancelled: BookingFacts & { previousStatus: BookingStatus; reason: string };
  AttendanceRecorded: BookingFacts & { attendanceId: string; status: AttendanceStatus; recordedAt: string };
  FeedbackGiven: BookingFacts & { feedbackId: string; rating: number };
  LearnerCreated: { tenantId: string; learnerId: string };
  /** `invitations`: whom the plan invites to which session, when the planner knows (chat sends them a suggestion). */
  PlanApproved: { tenantId: string; planId: string; sessionIds: string[]; invitations?: { sessionId: string; learnerId: string }[] };
  LearningEventsIngested: { tenantId: string; count: number; learnerIds: string[] };
  ModelActivated: { tenantId: string; modelVersionId: string };
}

export type DomainEventType = keyof DomainEventMap;
export interface DomainEvent<K extends DomainEventType = DomainEventType> {
  id: string;
  type: K;
  occurredAt: Date;
  payload: DomainEventMap[K];
}
