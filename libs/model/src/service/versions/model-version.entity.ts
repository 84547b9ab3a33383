import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type ModelVersionStatus = 'active' | 'inactive';
export type TrainingTrigger = 'api' | 'schedule' | 'bootstrap' | 'cli';

/**
 * One trained satisfaction model: how it was trained (α, β, fusion, features, data snapshot), how it evaluated
 * (model and baselines, mean and spread), what the gate decided, and where its TensorFlow.js artifacts are.
 * At most one version per tenant is active (partial unique index). Versions are never updated except for
 * their status, so a rollback is just activating an older one.
 */
@Entity('model_version')
@Index(['tenantId', 'createdAt'])
export class ModelVersion {
  @PrimaryColumn('varchar', { length: 36 }) id: string;
  @Column('varchar', { length: 36 }) tenantId: string;
  @Column('varchar', { length: 16 }) status: ModelVersionStatus;
  /** Why it is (in)active: the gate's first failure, "superseded by …", "rolled back to …". */
  @Column('text') statusReason: string;
  @Column('varchar', { length: 16 }) fusion: string;
  @Column('double precision') alpha: number;
  @Column('double precision') beta: number;
  @Column('simple-json') featureList: string[];
  @Column('varchar', { length: 64 }) dataSnapshotHash: string;
  @Column('simple-json') exampleCounts: Record<string, unknown>;
  /** Evaluation summary per head: model, popularity and logistic baselines, mean/std/values per metric. */
  @Column('simple-json') metrics: Record<string, unknown>;
  /** The gate's decision, its reasons and the thresholds it used. */
  @Column('simple-json') gate: { activate: boolean; reasons: string[]; thresholds: Record<string, number> };
  /** Final training run: epochs, best epoch, examples/s, options. */
  @Column('simple-json') training: Record<string, unknown>;
  @Column('varchar', { length: 32 }) backend: string;
  /** Relative to DATA_DIR: models/<tenant>/<version>. */
  @Column('varchar', { length: 500 }) artifactPath: string;
  @Column('varchar', { length: 64 }) artifactSha256: string;
  /** Copies of the artifact files so a host without the DATA_DIR of the trainer can restore them (scale-out). */
  @Column('text', { select: false }) artifactModelJson: string;
  @Column('text', { select: false }) artifactWeightsBase64: string;
  @Column('varchar', { length: 16 }) trigger: TrainingTrigger;
  @Column('varchar', { length: 36, nullable: true }) jobId: string | null;
  @Column() createdAt: Date;
  @Column({ type: Date, nullable: true }) activatedAt: Date | null;
  @Column({ type: Date, nullable: true }) deactivatedAt: Date | null;
}
