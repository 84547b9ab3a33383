import type { SchemaParts } from '@o2o/persistence';
import { ModelVersions1733300000500 } from './versions/1733300000500-model-versions.migration';
import { ModelVersion } from './versions/model-version.entity';

/** What the host adds to its schema for the model capability (one line in apps/host/src/capabilities.ts). */
export const MODEL_SCHEMA: SchemaParts = { entities: [ModelVersion], migrations: [ModelVersions1733300000500] };
