import type { DynamicModule, Type } from '@nestjs/common';
import type { SchemaParts } from '@o2o/persistence';
import { LTI_SCHEMA, LtiModule } from '@o2o/lti';
import { INGEST_SCHEMA, IngestModule } from '@o2o/ingest';

/**
 * Capability libraries the host runs (ingest, model, planner, lti, bot…), one line each, with the entities and
 * migrations each brings. Kept apart from app.module.ts so adding a capability is a one-line change.
 */
export const CAPABILITY_MODULES: (Type<unknown> | DynamicModule)[] = [
  LtiModule,
  IngestModule,
];

export const CAPABILITY_SCHEMAS: SchemaParts[] = [
  LTI_SCHEMA,
  INGEST_SCHEMA,
];
