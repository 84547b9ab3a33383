// Public surface of @o2o/model. Only this library imports TensorFlow.js; callers pass plain objects and
// Float32Array rows and get plain numbers back.

export { selectBackend } from './backend/select-backend';
export type { BackendPreference } from './backend/select-backend';

export { FEATURE_LIST, WEEKDAYS, fnv1a } from './features/feature-spec';
export type { FeatureDefinition, FeatureEncoding, FeatureGroup } from './features/feature-spec';
export type { FeatureInput, LearnerFeatures, PairFeatures, SessionFeatures } from './features/feature-input';
export { FeatureEncoder } from './features/feature-encoder';
export type { FeatureEncoderState } from './features/feature-encoder';
export { NormalizationStats } from './features/normalization-stats';
export type { NormalizationStatsJson } from './features/normalization-stats';
export { CategoricalVocabulary } from './features/categorical-vocabulary';
export { InvalidFeatureError } from './features/invalid-feature.error';

export { assertTrainable, encodeExamples, selectExamples } from './data/labelled-example';
export type { HeadLabel, LabelledExample, TrainingExamples } from './data/labelled-example';
export { randomSplit, temporalSplit } from './data/data-split';
export { rollingOriginSplits } from './data/rolling-origin-split';
export type { RollingOriginOptions, TemporalWindow } from './data/rolling-origin-split';
export type { SplitIndices } from './data/data-split';

export { SatisfactionModel } from './model/satisfaction-model';
export type { LoadedSatisfactionModel } from './model/satisfaction-model';
export type {
  EpochLog,
  FusionMode,
  ResolvedModelOptions,
  SatisfactionModelOptions,
  TrainingHistory,
  TrainOptions,
} from './model/satisfaction-model.options';
export {
  ArtifactChecksumError,
  artifactChecksum,
  MODEL_JSON_FILE,
  verifyArtifactChecksum,
  WEIGHTS_FILE,
} from './model/model-artifacts';
export type { ModelArtifactBundle } from './model/model-artifacts';
export { CHECKSUM_FILE, readModelArtifacts, writeModelArtifacts } from './model/model-artifact-store';

export { averagePrecision, binaryMetrics, rocAuc, SCALAR_METRICS } from './evaluation/metrics';
export type { BinaryMetrics, CalibrationBin, ScalarMetric } from './evaluation/metrics';
export { summarizeMetrics } from './evaluation/metric-summary';
export type { MetricStat, MetricSummary } from './evaluation/metric-summary';
export { PopularityBaseline } from './evaluation/popularity-baseline';
export { LogisticRegressionBaseline } from './evaluation/logistic-regression-baseline';
export type { LogisticRegressionOptions } from './evaluation/logistic-regression-baseline';
export { evaluateOnSplit, evaluateSatisfaction } from './evaluation/model-evaluation';
export type {
  EvaluationOptions,
  EvaluationReport,
  EvaluationRun,
  HeadEvaluation,
  HeadSummary,
  SplitKind,
} from './evaluation/model-evaluation';
export { decideActivation } from './evaluation/activation-gate';
export type { ActivationDecision, GateOptions } from './evaluation/activation-gate';

export { generateSyntheticWorld } from './synthetic/synthetic-data.generator';
export { buildSyntheticExamples, syntheticTrainingExamples } from './synthetic/synthetic-examples';
export { HIDDEN_PREFERENCE_MODEL, offlineLogit, onlineLogit } from './synthetic/hidden-preference-model';
export { SYNTHETIC_CITIES, SYNTHETIC_TOPICS, haversineKm } from './synthetic/synthetic-catalog';
export type * from './synthetic/synthetic-world';

export { SeededRandom } from './random/seeded-random';
export { runModelBench } from './bench/model-bench';
export type { ModelBenchOptions, ModelBenchRow } from './bench/model-bench';

// Service layer (NestJS, database): everything above stays pure; this part reads and writes the database.
export { ModelModule } from './service/model.module';
export { MODEL_SCHEMA } from './service/model.schema';
export { ModelVersion } from './service/versions/model-version.entity';
export type { ModelVersionStatus, TrainingTrigger } from './service/versions/model-version.entity';
export { ModelVersionService } from './service/versions/model-version.service';
export { SatisfactionModelService } from './service/inference/satisfaction-model.service';
export type { LiveModel } from './service/inference/satisfaction-model.service';
export { ModelFeaturesService } from './service/features/model-features.service';
export type { LearnerTimelines } from './service/features/model-features.service';
export { FeatureDataLoader } from './service/features/feature-data.loader';
export { LearnerTimeline, LOOK_BACK_DAYS } from './service/features/learner-timeline';
export type { CourseRow, LearnerRow, OfflineOutcomeRow, OnlineEventRow, SessionFacts } from './service/features/feature-data.types';
export { offlineInput, offlineSessionFeatures } from './service/features/feature-input.factory';
export { buildTrainingExamples, SATISFIED_RATING } from './service/features/training-examples.builder';
export type { TrainingSet, TrainingSetOptions } from './service/features/training-examples.builder';
export { cityDistanceKm, cityLabel } from './service/features/city-gazetteer';
export { localTime, zonedInstant } from './service/features/local-clock';
export { ModelTrainingService } from './service/training/model-training.service';
export { ModelTrainingJobs, TRAIN_JOB } from './service/training/model-training.jobs';
export type { TrainRequest } from './service/training/training-request';
export { gatesSpreadVsLogistic, headline as metricsHeadline } from './service/training/evaluation-report.serializer';
export { SyntheticHistorySeeder, SYNTHETIC_ISSUER } from './service/demo/synthetic-history.seeder';
export { DEMO_MAPPING, IDENTITY_MAPPING } from './service/demo/synthetic-history.mapping';
export type { SyntheticHistoryMapping } from './service/demo/synthetic-history.mapping';
export { DemoModelBootstrap, DEMO_BOOTSTRAP_JOB } from './service/demo/demo-model.bootstrap';
export { encodePairRows } from './service/inference/pair-rows.encoder';
export type { PairParts } from './service/inference/pair-rows.encoder';
