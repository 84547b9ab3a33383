import type { SchemaParts } from '@o2o/persistence';
import { LearnerAggregate } from './aggregates/learner-aggregate.entity';
import { CaliperRawEvent } from './caliper-endpoint/caliper-raw-event.entity';
import { IngestCredential } from './credentials/ingest-credential.entity';
import { XapiStatementRecord } from './lrs/xapi-statement-record.entity';
import { IngestSchema1733300000400 } from './migrations/1733300000400-ingest-schema.migration';
import { CsvSourceIdTimeKey1733300000410 } from './migrations/1733300000410-csv-source-id-time-key.migration';
import { ImportRun } from './import-runs/import-run.entity';
import { ImportRun1733300000420 } from './migrations/1733300000420-import-run.migration';
import { LearningEvent } from './storage/learning-event.entity';

export const INGEST_ENTITIES = [LearningEvent, XapiStatementRecord, CaliperRawEvent, IngestCredential, LearnerAggregate, ImportRun];

/** What the host adds to its schema for the ingest capability (one line in apps/host/src/capabilities.ts). */
export const INGEST_SCHEMA: SchemaParts = { entities: INGEST_ENTITIES, migrations: [IngestSchema1733300000400, CsvSourceIdTimeKey1733300000410, ImportRun1733300000420] };
