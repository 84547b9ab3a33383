import { randomUUID } from 'node:crypto';
import { BeforeApplicationShutdown, Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@o2o/config';
import { Clock, DomainError } from '@o2o/core';
import { decideActivation } from '../../evaluation/activation-gate';
import { evaluateSatisfaction, EvaluationReport } from '../../evaluation/model-evaluation';
import { encodeExamples } from '../../data/labelled-example';
import { FeatureEncoder } from '../../features/feature-encoder';
import { FEATURE_LIST } from '../../features/feature-spec';
import { writeModelArtifacts } from '../../model/model-artifact-store';
import { SatisfactionModel } from '../../model/satisfaction-model';
import { ModelFeaturesService } from '../features/model-features.service';
import type { TrainingSet } from '../features/training-examples.builder';
import { SatisfactionModelService } from '../inference/satisfaction-model.service';
import { ModelVersion } from '../versions/model-version.entity';
import { ModelVersionService } from '../versions/model-version.service';
import { offlineGateInput, offlineModelSummary, storedMetrics } from './evaluation-report.serializer';
import {
  ProgressReporter, resolveTrainRequest, ResolvedTrainRequest, safeProgress, TrainContext, TrainRequest,
} from './training-request';

const TEST_FRACTION = 0.2;
/** Fewer of either class and F1/AUC on the hold-out are noise. */
const MIN_PER_CLASS = 10;
const FINAL_SEED = 42;

/**
 * Train → evaluate → gate → store. Builds the labelled set from the database, evaluates the model on repeated
 * hold-outs beside the popularity and logistic-regression baselines, trains the final model on everything,
 * writes its artifacts atomically, and stores the version: active if it passes the gate and is not worse than
 * the live version, otherwise inactive with the reason. The live version stays live on every failure.
 */
@Injectable()
export class ModelTrainingService implements BeforeApplicationShutdown {
  private readonly logger = new Logger('ModelTraining');
  private stopping = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly features: ModelFeaturesService,
    private readonly versions: ModelVersionService,
    private readonly models: SatisfactionModelService,
    private readonly clock: Clock,
  ) {}

  /**
   * A training run can take minutes; on shutdown it stops at the next epoch instead of holding the process
   * (the job queue then runs it again, from the start, in the next process).
   */
  beforeApplicationShutdown(): void {
    this.stopping = true;
  }

  /** The quick check behind a 422 before a job is even queued. */
  async assertEnoughData(tenantId: string): Promise<void> {
    const found = await this.recordedOutcomes(tenantId);
    if (found < this.config.model.minExamples) throw this.tooLittle(found);
  }

  /** Bookings of past sessions with attendance recorded (attended or no-show). */
  recordedOutcomes(tenantId: string): Promise<number> {
    return this.features.countOutcomes(tenantId, this.clock.now());
  }

  /** Ratings of offline sessions given so far (the scheduler retrains when these or the outcomes grew). */
  recordedRatings(tenantId: string): Promise<number> {
    return this.features.countRatings(tenantId, this.clock.now());
  }

  /** Evaluation only (CLI `evaluate`): nothing is stored. */
  async evaluate(tenantId: string, request: TrainRequest = {}, progress?: ProgressReporter): Promise<{ set: TrainingSet; report: EvaluationReport }> {
    const options = resolveTrainRequest(this.config, request);
    const reporter = safeProgress(progress);
    const set = await this.trainingSet(tenantId, options, reporter);
    const report = await this.runEvaluation(set, options, reporter, 0, 100);
    // Early stopping ends runs before their epoch budget, so the last epoch's report can be well short of 100.
    await reporter?.(100, 'evaluation done');
    return { set, report };
  }

  async train(tenantId: string, request: TrainRequest, context: TrainContext): Promise<ModelVersion> {
    const options = resolveTrainRequest(this.config, request);
    const progress = safeProgress(context.progress);
    const started = performance.now();
    const recordedOutcomes = await this.recordedOutcomes(tenantId);
    const recordedRatings = await this.recordedRatings(tenantId);
    const set = await this.trainingSet(tenantId, options, progress);
    const report = await this.runEvaluation(set, options, progress, 5, 65);

    await progress?.(66, 'training the final model on all examples');
    const encoder = FeatureEncoder.fit(set.examples.map((e) => e.input));
    const all = encodeExamples(encoder, set.examples);
    const model = SatisfactionModel.create({ inputWidth: encoder.width, fusion: options.fusion, alpha: options.alpha, beta: options.beta, seed: FINAL_SEED });
    try {
      const history = await model.train(all, {
        epochs: options.epochs,
        onEpochEnd: (log) => {
          this.assertRunning();
          void progress?.(66 + (28 * (log.epoch + 1)) / options.epochs, `final model: epoch ${log.epoch + 1}`);
        },
      });
      const id = randomUUID();
      const location = this.versions.artifactLocation(tenantId, id);
      const bundle = await model.save({
        encoder,
        metadata: { versionId: id, tenantId, backend: this.models.backend, dataSnapshotHash: set.snapshotHash, trainedAt: this.clock.now().toISOString() },
      });
      await progress?.(95, 'writing artifacts');
      await writeModelArtifacts(location.absolute, bundle);
      const metrics = storedMetrics(report, TEST_FRACTION);
      const version: ModelVersion = Object.assign(new ModelVersion(), {
        id, tenantId, fusion: options.fusion, alpha: options.alpha, beta: options.beta,
        featureList: FEATURE_LIST.map((f) => f.name), dataSnapshotHash: set.snapshotHash,
        exampleCounts: { offline: set.offline, online: set.online, pending: set.pending, recordedOutcomes, recordedRatings, onlineDataAvailable: set.onlineDataAvailable },
        metrics, gate: { activate: false, reasons: [] as string[], thresholds: options.gate as Record<string, number> },
        training: {
          epochs: history.epochs.length, bestEpoch: history.bestEpoch, bestValidationLoss: history.bestValidationLoss,
          stoppedEarly: history.stoppedEarly, examplesPerSecond: Math.round(history.examplesPerSecond),
          parameters: model.parameterCount, inputWidth: encoder.width, seconds: Math.round((performance.now() - started) / 100) / 10,
          options: { ...options, gate: undefined },
        },
        backend: this.models.backend, artifactPath: location.relative, artifactSha256: bundle.sha256,
        artifactModelJson: bundle.modelJson.toString('utf8'), artifactWeightsBase64: bundle.weightsBin.toString('base64'),
        trigger: context.trigger, jobId: context.jobId ?? null, createdAt: this.clock.now(), deactivatedAt: null,
      });
      const saved = await this.versions.add(version, (live) => {
        const candidate = offlineGateInput(metrics);
        if (!candidate) {
          version.gate = { activate: false, reasons: ['fail: the held-out split has no offline outcomes'], thresholds: options.gate };
        } else {
          const decision = decideActivation(candidate.model, live ? offlineModelSummary(live.metrics) : null, options.gate, candidate.vsBaseline);
          version.gate = { ...decision, thresholds: options.gate };
        }
        const failures = version.gate.reasons.filter((r) => r.startsWith('fail: '));
        return {
          activate: version.gate.activate,
          reason: version.gate.activate ? `passed the gate${live ? ` and replaced ${live.id}` : ''}` : failures.map((r) => r.slice(6)).join('; '),
        };
      });
      this.logger.log(`tenant ${tenantId}: version ${id} ${saved.status} (${saved.statusReason})`);
      await progress?.(100, `version ${id} ${saved.status}`);
      return saved;
    } finally {
      model.dispose();
    }
  }

  private async trainingSet(tenantId: string, options: ResolvedTrainRequest, progress?: ProgressReporter): Promise<TrainingSet> {
    await progress?.(1, 'building features from stored data');
    const set = await this.features.trainingSet(tenantId, { asOf: this.clock.now(), courseDays: options.courseDays });
    const negatives = set.offline.count - set.offline.positives;
    if (set.offline.count < this.config.model.minExamples || set.offline.positives < MIN_PER_CLASS || negatives < MIN_PER_CLASS) {
      throw this.tooLittle(set.offline.count);
    }
    return set;
  }

  /** Repeated hold-out runs (same seeds ⇒ same numbers), reporting progress from `from` to `to` percent. */
  private async runEvaluation(set: TrainingSet, options: ResolvedTrainRequest, progress: ProgressReporter | undefined, from: number, to: number) {
    const seeds = Array.from({ length: options.runs }, (_, i) => i + 1);
    let epochsDone = 0;
    const budget = seeds.length * options.epochs;
    await progress?.(from, `evaluating: ${seeds.length} ${options.split} split(s)`);
    return evaluateSatisfaction(set.examples, {
      split: options.split,
      seeds,
      testFraction: TEST_FRACTION,
      model: { fusion: options.fusion, alpha: options.alpha, beta: options.beta },
      train: {
        epochs: options.epochs,
        onEpochEnd: () => {
          this.assertRunning();
          void progress?.(from + ((to - from) * ++epochsDone) / budget, `evaluating: epoch ${epochsDone} of at most ${budget}`);
        },
      },
    });
  }

  private assertRunning(): void {
    if (this.stopping) throw new Error('training interrupted by shutdown; the job runs again in the next process');
  }

  private tooLittle(found: number): DomainError {
    return new DomainError('MODEL_TOO_LITTLE_DATA', 422, { found, required: this.config.model.minExamples });
  }
}
