import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountLinkService } from './account-links/account-link.service';
import { AttendanceService } from './attendance/attendance.service';
import { BookingService } from './bookings/booking.service';
import { WaitlistPromoter } from './bookings/waitlist.promoter';
import { Clock, SystemClock } from './clock/clock';
import { CORE_ENTITIES } from './core.entities';
import { CourseService } from './courses/course.service';
import { DomainEventBus } from './events/domain-event.bus';
import { FeedbackService } from './feedback/feedback.service';
import { IdentityService } from './identity/identity.service';
import { LearnerService } from './learners/learner.service';
import { OfflineSessionService } from './sessions/offline-session.service';
import { PlanProposals } from './plans/plan-proposals.port';
import { PluggablePlanProposals } from './plans/pluggable-plan-proposals.service';
import { TenantService } from './tenants/tenant.service';
import { VenueService } from './venues/venue.service';
import { CatalogueSuggestionRanker } from './suggestions/catalogue-suggestion.ranker';
import { SuggestionRanker } from './suggestions/suggestion';
import { SuggestionService } from './suggestions/suggestion.service';

const services = [
  DomainEventBus, IdentityService, TenantService, CourseService, LearnerService, VenueService,
  OfflineSessionService, WaitlistPromoter, BookingService, AttendanceService, FeedbackService,
  AccountLinkService, SuggestionService, PluggablePlanProposals,
];

/** The domain: tenants, courses, learners, venues, offline sessions, bookings, attendance, feedback. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature(CORE_ENTITIES)],
  providers: [
    ...services,
    { provide: Clock, useClass: SystemClock },
    { provide: SuggestionRanker, useClass: CatalogueSuggestionRanker },
    { provide: PlanProposals, useExisting: PluggablePlanProposals },
  ],
  exports: [...services, Clock, SuggestionRanker, PlanProposals, TypeOrmModule],
})
export class CoreModule {}
