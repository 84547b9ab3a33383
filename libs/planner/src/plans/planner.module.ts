import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PluggablePlanProposals, SuggestionService } from '@o2o/core';
import { ModelModule } from '@o2o/model';
import { LearnerSuggestionsController } from '../suggestions/learner-suggestions.controller';
import { ModelSuggestionRanker } from '../suggestions/model-suggestion.ranker';
import { CoursePlanProposals } from './course-plan-proposals.service';
import { PlanApprovalService } from './plan-approval.service';
import { PlanInvitation } from './plan-invitation.entity';
import { PlanScoringService } from './plan-scoring.service';
import { registerPlannerMessages } from './planner-messages';
import { PlansController } from './plans.controller';
import { ServicePlanRecord } from './service-plan.entity';
import { ServicePlanService } from './service-plan.service';

/**
 * Suggestions and service plans on top of the satisfaction model: the model-backed ranker behind
 * SuggestionService (course page, chat, REST), GET /learners/:id/suggestions, /plans, and the draft plans of a course
 * behind core's PlanProposals port (the LTI instructor page reads them without importing this library).
 */
@Module({
  imports: [TypeOrmModule.forFeature([ServicePlanRecord, PlanInvitation]), ModelModule],
  controllers: [PlansController, LearnerSuggestionsController],
  providers: [ModelSuggestionRanker, PlanScoringService, ServicePlanService, PlanApprovalService, CoursePlanProposals],
  exports: [ServicePlanService, PlanApprovalService, PlanScoringService, ModelSuggestionRanker, CoursePlanProposals],
})
export class PlannerModule implements OnModuleInit {
  constructor(
    private readonly suggestions: SuggestionService,
    private readonly ranker: ModelSuggestionRanker,
    private readonly proposals: PluggablePlanProposals,
    private readonly courseProposals: CoursePlanProposals,
  ) {
    registerPlannerMessages();
  }

  onModuleInit(): void {
    this.suggestions.useRanker(this.ranker);
    this.proposals.use(this.courseProposals);
  }
}
