import type { DynamicModule, Type } from '@nestjs/common';
import type { SchemaParts } from '@o2o/persistence';

/**
 * Capability libraries the host runs (ingest, model, planner, lti, bot…), one line each, with the entities and
 * migrations each brings. Kept apart from app.module.ts so adding a capability is a one-line change.
 */
export const CAPABILITY_MODULES: (Type<unknown> | DynamicModule)[] = [];

export const CAPABILITY_SCHEMAS: SchemaParts[] = [];
