// Public API of @o2o/ingest: pure, database-free parts of the online-data doors (xAPI, Caliper, CSV).
// A storing service validates, normalises, pseudonymises `learnerRef` and persists; nothing here does I/O
// beyond reading the stream it is given.

export { LEARNING_EVENT_TYPES, isLearningEventType } from './learning-event-type';
export type { LearningEventType } from './learning-event-type';
export type { IngestSource, LearnerRef, MonetaryAmount, NormalizedLearningEvent, NormalizedScore } from './normalized-learning-event';
export type { NormalizationResult } from './normalization-result';
export type { ValidationIssue } from './validation-issue';
export { IdentifierFormats } from './shared/identifier-formats';
export { parseIsoTimestamp } from './shared/iso8601-timestamp';
export type { TimestampParse, TimestampZoneRule } from './shared/iso8601-timestamp';
export { isIsoDuration, isoDurationToSeconds } from './shared/iso8601-duration';

// xAPI 1.0.3
export { validateStatementBatch } from './xapi/xapi-statement-batch.validator';
export type { StatementBatchValidation } from './xapi/xapi-statement-batch.validator';
export { VOIDED_VERB } from './xapi/xapi-statement.validator';
export { statementContentHash } from './xapi/xapi-statement.hasher';
export { prepareStatementForStorage } from './xapi/xapi-statement.preparer';
export type { StatementStorageFields } from './xapi/xapi-statement.preparer';
export { normalizeXapiStatement } from './xapi/xapi-statement.normalizer';
export type { XapiNormalizeOptions } from './xapi/xapi-statement.normalizer';
export { learnerRefFromAgent } from './xapi/xapi-learner-ref';
export { XAPI_VERB_MAP, mapXapiVerb } from './xapi/xapi-verb.mapping';
export type * from './xapi/xapi-statement.types';

// Caliper 1.2
export { CALIPER_V1P2_CONTEXT } from './caliper/caliper.types';
export type { CaliperEntity, CaliperEntityDescribe, CaliperEntityRef, CaliperEnvelope, CaliperEvent } from './caliper/caliper.types';
export { validateCaliperEnvelope } from './caliper/caliper-envelope.validator';
export type { CaliperEnvelopeValidation, CaliperValidationOptions } from './caliper/caliper-envelope.validator';
export { normalizeCaliperEnvelope, normalizeCaliperEvent } from './caliper/caliper-event.normalizer';
export { CALIPER_EVENT_MAP, mapCaliperAction } from './caliper/caliper-action.mapping';

// CSV history import
export { parseEventsCsv, EVENTS_CSV_COLUMNS } from './csv/events-csv.parser';
export type { EventsCsvOptions } from './csv/events-csv.parser';
export { parseOutcomesCsv, OUTCOMES_CSV_COLUMNS } from './csv/outcomes-csv.parser';
export type { OutcomesCsvOptions } from './csv/outcomes-csv.parser';
export type { CsvBatch, CsvProgress, CsvReadOptions } from './csv/csv-batch.reader';
export type { CsvRowError } from './csv/csv-row-error';
export { CsvHeaderError } from './csv/csv-header.error';
export { COURSE_OUTCOME_RESULTS } from './csv/course-outcome';
export type { CourseOutcomeResult, NormalizedCourseOutcome } from './csv/course-outcome';
export { courseOutcomeToEvents } from './csv/course-outcome.converter';

// Benchmarks (for `bench:ingest`)
export { runCsvParseBench } from './bench/csv-parse-bench';
export type { CsvParseBenchOptions, CsvParseBenchResult } from './bench/csv-parse-bench';
export { syntheticEventsCsv } from './bench/synthetic-events-csv';

// Pseudonymisation of stored documents (pure)
export { pseudonymizeStatement } from './xapi/xapi-statement.pseudonymizer';
export type { PseudonymOf } from './xapi/xapi-statement.pseudonymizer';
export { pseudonymizeCaliperItem, CALIPER_PSEUDONYM_PREFIX } from './caliper/caliper-event.pseudonymizer';
export { scrubEmails } from './shared/email-scrubber';
export { localDayNumber } from './shared/local-day';

// Learner aggregates (pure state; the same functions serve the incremental path and the backfill)
export { applyAggregateEvent, emptyLearnerAggregate, learnerAggregateFigures, addActiveDay } from './aggregates/learner-aggregate.state';
export type { AggregateEventFacts, LearnerAggregateFigures, LearnerAggregateState } from './aggregates/learner-aggregate.state';

// The storing service (NestJS): module, schema, services for the CLI and other capabilities
export { IngestModule } from './ingest.module';
export { INGEST_ENTITIES, INGEST_SCHEMA } from './ingest.schema';
export { LearningEvent } from './storage/learning-event.entity';
export { LearnerAggregate } from './aggregates/learner-aggregate.entity';
export { XapiStatementRecord } from './lrs/xapi-statement-record.entity';
export { CaliperRawEvent } from './caliper-endpoint/caliper-raw-event.entity';
export { IngestCredential } from './credentials/ingest-credential.entity';
export type { IngestCredentialKind } from './credentials/ingest-credential.entity';
export { IngestCredentialService } from './credentials/ingest-credential.service';
export { LearningEventStore } from './storage/learning-event.store';
export { CsvImportService } from './csv-import/csv-import.service';
export { ImportRunRecovery } from './import-runs/import-run.recovery';
export { ImportRunFinalizer } from './import-runs/import-run.finalizer';
export { ImportRunLedger } from './import-runs/import-run.ledger';
export { ImportAggregateFold } from './import-runs/import-aggregate.fold';
export { LearnerIndexDeferral } from './import-runs/learner-index.deferral';
export { limitHeapGrowthForBulkImport } from './csv-import/bulk-import.heap';
export type { CsvImportOptions } from './csv-import/csv-import.service';
export type { CsvImportKind, CsvImportSummary } from './csv-import/csv-import.summary';
export { LearnerAggregateBackfill } from './aggregates/learner-aggregate.backfill';
export type { BackfillSummary } from './aggregates/learner-aggregate.backfill';
