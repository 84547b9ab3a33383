import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit, Optional } from '@nestjs/common';
import { HealthContributors } from '@o2o/api';
import { APP_CONFIG, AppConfig } from '@o2o/config';
import { DomainEventBus } from '@o2o/core';
import { selectBackend } from '../../backend/select-backend';
import type { FeatureEncoder } from '../../features/feature-encoder';
import type { FeatureInput } from '../../features/feature-input';
import { SatisfactionModel } from '../../model/satisfaction-model';
import { ModelVersionService } from '../versions/model-version.service';
import { encodePairRows, PairParts } from './pair-rows.encoder';
import { tensorCount } from './tensor-memory';

/** How long a process trusts its cached live version before asking the database (activations in other processes). */
const ACTIVE_CHECK_MS = 10_000;
/** A replaced model is disposed after in-flight scoring that captured it has surely finished. */
const DISPOSE_DELAY_MS = 30_000;

export interface LiveModel {
  versionId: string;
  model: SatisfactionModel;
  encoder: FeatureEncoder;
}

/**
 * The satisfaction model as an injectable service: picks the TensorFlow.js backend once at start (logged,
 * reported under /health, stored with every version trained here), keeps each tenant's active version loaded,
 * and scores many learner × session pairs per call in large batches. Prediction runs inside tf.tidy in the
 * model, so the tensor count stays flat however many calls are made.
 */
@Injectable()
export class SatisfactionModelService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('SatisfactionModel');
  private backendName = 'not initialised';
  private readonly cache = new Map<string, { live: LiveModel | null; checkedAt: number }>();
  private readonly loading = new Map<string, Promise<LiveModel | null>>();
  private readonly retired = new Map<NodeJS.Timeout, LiveModel>();
  private unsubscribe?: () => void;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly versions: ModelVersionService,
    private readonly bus: DomainEventBus,
    @Optional() private readonly health?: HealthContributors,
  ) {}

  async onModuleInit(): Promise<void> {
    this.backendName = await selectBackend(this.config.model.backend);
    this.logger.log(`TensorFlow.js backend: ${this.backendName} (MODEL_BACKEND=${this.config.model.backend})`);
    this.health?.add('model', () => this.report());
    // Same-process activations take effect at once; other processes notice within ACTIVE_CHECK_MS.
    this.unsubscribe = this.bus.subscribe('ModelActivated', (e) => {
      const entry = this.cache.get(e.payload.tenantId);
      if (entry) entry.checkedAt = 0;
    });
  }

  onApplicationShutdown(): void {
    this.unsubscribe?.();
    for (const [timer, old] of this.retired) {
      clearTimeout(timer);
      old.model.dispose();
    }
    this.retired.clear();
    for (const { live } of this.cache.values()) live?.model.dispose();
    this.cache.clear();
  }

  /** 'tensorflow' | 'wasm' | 'cpu'. */
  get backend(): string {
    return this.backendName;
  }

  /** The tenant's active model, or null (no version is active, or its artifacts could not be loaded). */
  async current(tenantId: string): Promise<LiveModel | null> {
    const entry = this.cache.get(tenantId);
    if (entry && Date.now() - entry.checkedAt < ACTIVE_CHECK_MS) return entry.live;
    const pending = this.loading.get(tenantId);
    if (pending) return pending;
    const work = this.refresh(tenantId, entry?.live ?? null).finally(() => this.loading.delete(tenantId));
    this.loading.set(tenantId, work);
    return work;
  }

  /** Normalised rows for the live model's encoder (NaN/Infinity rejected with the feature's name). */
  encode(live: LiveModel, inputs: readonly FeatureInput[]): Float32Array {
    return live.encoder.encodeBatch(inputs);
  }

  /** f = P(satisfied with the offline session) for every input, in one batched pass. */
  predictOffline(live: LiveModel, inputs: readonly FeatureInput[]): Float32Array {
    return live.model.predictOffline(this.encode(live, inputs), inputs.length);
  }

  /** g = P(satisfied with the online item) for every input. */
  predictOnline(live: LiveModel, inputs: readonly FeatureInput[]): Float32Array {
    return live.model.predictOnline(this.encode(live, inputs), inputs.length);
  }

  /** f for many learner × session pairs given by their distinct parts (plans: thousands of learners × candidates). */
  predictOfflinePairs(live: LiveModel, parts: PairParts): Float32Array {
    return live.model.predictOffline(this.encodePairs(live, parts), parts.index.length / 3);
  }

  /** Normalised rows for pairs given by their distinct parts, as `encode` would give for the assembled inputs. */
  encodePairs(live: LiveModel, parts: PairParts): Float32Array {
    return encodePairRows(live.encoder, parts);
  }

  /** Offline head over already encoded rows (explanations perturb encoded rows). */
  predictOfflineRows(live: LiveModel, rows: Float32Array, count: number): Float32Array {
    return live.model.predictOffline(rows, count);
  }

  tensorCount(): number {
    return tensorCount();
  }

  report(): Record<string, unknown> {
    const live: Record<string, string | null> = {};
    for (const [tenantId, entry] of this.cache) live[tenantId] = entry.live?.versionId ?? null;
    return { status: 'up', backend: this.backendName, preference: this.config.model.backend, loadedVersions: live };
  }

  private async refresh(tenantId: string, previous: LiveModel | null): Promise<LiveModel | null> {
    const activeId = await this.versions.activeId(tenantId);
    let live: LiveModel | null = previous;
    if (activeId === null) live = null;
    else if (previous?.versionId !== activeId) {
      try {
        const version = await this.versions.get(tenantId, activeId);
        const loaded = await SatisfactionModel.load(await this.versions.readArtifacts(version), version.artifactSha256);
        if (!loaded.encoder) throw new Error('artifacts carry no feature encoder');
        live = { versionId: activeId, model: loaded.model, encoder: loaded.encoder };
        this.logger.log(`tenant ${tenantId}: model version ${activeId} loaded`);
      } catch (err) {
        // Suggestions fall back to the catalogue ranker rather than failing; the next check retries.
        this.logger.error(`tenant ${tenantId}: model version ${activeId} failed to load: ${(err as Error).message}`);
        live = null;
      }
    }
    if (previous && previous !== live) this.disposeLater(previous);
    this.cache.set(tenantId, { live, checkedAt: Date.now() });
    return live;
  }

  private disposeLater(old: LiveModel): void {
    const timer = setTimeout(() => {
      this.retired.delete(timer);
      old.model.dispose();
    }, DISPOSE_DELAY_MS);
    timer.unref();
    this.retired.set(timer, old);
  }
}
