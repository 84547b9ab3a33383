import type { SchemaParts } from '@o2o/persistence';
import { ServicePlans1733300000700 } from './1733300000700-service-plans.migration';
import { PlanInvitation } from './plan-invitation.entity';
import { ServicePlanRecord } from './service-plan.entity';

/** What the host adds to its schema for service plans (one line in apps/host/src/capabilities.ts). */
export const PLANNER_SCHEMA: SchemaParts = { entities: [ServicePlanRecord, PlanInvitation], migrations: [ServicePlans1733300000700] };
