import type { DynamicModule, Type } from '@nestjs/common';
import { BOT_SCHEMA, BotModule } from '@o2o/bot';
import type { SchemaParts } from '@o2o/persistence';
import { INGEST_SCHEMA, IngestModule } from '@o2o/ingest';
import { LTI_SCHEMA, LtiModule } from '@o2o/lti';
import { MODEL_SCHEMA, ModelModule } from '@o2o/model';
import { PLANNER_SCHEMA, PlannerModule } from '@o2o/planner';

/**
 * Capability libraries the host runs (ingest, model, planner, lti, bot…), one line each, with the entities and
 * migrations each brings. Kept apart from app.module.ts so adding a capability is a one-line change.
 */
export const CAPABILITY_MODULES: (Type<unknown> | DynamicModule)[] = [
  IngestModule,
  BotModule,
  LtiModule,
  ModelModule,
  PlannerModule,
];

export const CAPABILITY_SCHEMAS: SchemaParts[] = [
  INGEST_SCHEMA,
  BOT_SCHEMA,
  LTI_SCHEMA,
  MODEL_SCHEMA,
  PLANNER_SCHEMA,
];
