import { AccountLinkCode } from './account-links/account-link-code.entity';
import { Attendance } from './attendance/attendance.entity';
import { Booking } from './bookings/booking.entity';
import { Course } from './courses/course.entity';
import { DomainEventRecord } from './events/domain-event.entity';
import { Feedback } from './feedback/feedback.entity';
import { Learner } from './learners/learner.entity';
import { LearnerIdentity } from './learners/learner-identity.entity';
import { CoreSchema1733300000000 } from './migrations/1733300000000-core-schema.migration';
import { AccountLinkCodes1733300000200 } from './migrations/1733300000200-suggestions-links.migration';
import { FeedbackBookingIndex1733300000800 } from './migrations/1733300000800-feedback-booking-index.migration';
import { OfflineSession } from './sessions/offline-session.entity';
import { Tenant } from './tenants/tenant.entity';
import { Venue } from './venues/venue.entity';

export const CORE_ENTITIES = [
  Tenant, Course, Learner, LearnerIdentity, Venue, OfflineSession, Booking, Attendance, Feedback, DomainEventRecord,
  AccountLinkCode,
];
export const CORE_MIGRATIONS = [CoreSchema1733300000000, AccountLinkCodes1733300000200, FeedbackBookingIndex1733300000800];
