import { join, resolve } from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@o2o/config';
import { Clock, DomainError, DomainEvent, DomainEventBus } from '@o2o/core';
import { forUpdate, rawQuery, TransactionRunner } from '@o2o/persistence';
import { ModelArtifactBundle, verifyArtifactChecksum } from '../../model/model-artifacts';
import { readModelArtifacts, writeModelArtifacts } from '../../model/model-artifact-store';
import { ModelVersion } from './model-version.entity';

/** The gate, re-run inside the activation transaction against whatever is live at that moment. */
export type ActivationDecider = (live: ModelVersion | null) => { activate: boolean; reason: string };

/**
 * Stores model versions and switches the live one. Activation (after training or as a rollback) deactivates
 * the previous version and records ModelActivated in the same transaction, under a lock on the tenant row so
 * two activations for one tenant are serialised on PostgreSQL as they are on SQLite's write queue.
 */
@Injectable()
export class ModelVersionService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly bus: DomainEventBus,
    private readonly clock: Clock,
  ) {}

  list(tenantId: string, limit = 50): Promise<ModelVersion[]> {
    return this.dataSource.getRepository(ModelVersion).find({ where: { tenantId }, order: { createdAt: 'DESC' }, take: limit });
  }

  async get(tenantId: string, id: string): Promise<ModelVersion> {
    const version = await this.dataSource.getRepository(ModelVersion).findOneBy({ tenantId, id });
    if (!version) throw new DomainError('MODEL_VERSION_NOT_FOUND', 404, { modelVersionId: id });
    return version;
  }

  active(tenantId: string): Promise<ModelVersion | null> {
    return this.dataSource.getRepository(ModelVersion).findOneBy({ tenantId, status: 'active' });
  }

  /** One indexed lookup; the inference cache polls it to notice activations made by other processes. */
  async activeId(tenantId: string): Promise<string | null> {
    const rows = await rawQuery<{ id: string }>(this.dataSource.manager,
      'SELECT "id" FROM "model_version" WHERE "tenantId" = ? AND "status" = ?', [tenantId, 'active']);
    return rows[0]?.id ?? null;
  }

  /** Where a version's artifacts live, relative to DATA_DIR (stored) and absolute (used). */
  artifactLocation(tenantId: string, id: string): { relative: string; absolute: string } {
    const relative = join('models', tenantId, id);
    return { relative, absolute: resolve(this.config.dataDir, relative) };
  }

  /** Inserts a new version; `decide` says whether it replaces the live one (and why, either way). */
  async add(version: ModelVersion, decide: ActivationDecider): Promise<ModelVersion> {
    const events: DomainEvent[] = [];
    await this.tx.run(async (m) => {
      await this.lockTenant(m, version.tenantId);
      const live = await m.findOneBy(ModelVersion, { tenantId: version.tenantId, status: 'active' });
      const decision = decide(live);
      const now = this.clock.now();
      version.status = decision.activate ? 'active' : 'inactive';
      version.statusReason = decision.reason;
      version.activatedAt = decision.activate ? now : null;
      if (decision.activate && live) await this.deactivate(m, live.id, `superseded by ${version.id}`, now);
      await m.insert(ModelVersion, version as never); // simple-json columns defeat the insert's deep-partial type
      if (decision.activate) {
        events.push(await this.bus.record(m, 'ModelActivated', { tenantId: version.tenantId, modelVersionId: version.id }, now));
      }
    });
    await this.bus.publish(events);
    return this.get(version.tenantId, version.id);
  }

  /** Rollback (or roll forward): makes an existing version live after checking its artifacts load. */
  async activate(tenantId: string, id: string): Promise<ModelVersion> {
    const target = await this.get(tenantId, id);
    await this.readArtifacts(target);
    const events: DomainEvent[] = [];
    await this.tx.run(async (m) => {
      await this.lockTenant(m, tenantId);
      const live = await m.findOneBy(ModelVersion, { tenantId, status: 'active' });
      if (live?.id === id) return;
      const now = this.clock.now();
      if (live) await this.deactivate(m, live.id, `rolled back to ${id}`, now);
      const reason = `activated by an operator${live ? ` (replacing ${live.id})` : ''}`;
      await m.update(ModelVersion, { id }, { status: 'active', statusReason: reason, activatedAt: now, deactivatedAt: null });
      events.push(await this.bus.record(m, 'ModelActivated', { tenantId, modelVersionId: id }, now));
    });
    await this.bus.publish(events);
    return this.get(tenantId, id);
  }

  /**
   * The version's TensorFlow.js files, verified against the recorded SHA-256. When this host's DATA_DIR lacks
   * them (another machine trained it), they are restored from the database copy first.
   */
  async readArtifacts(version: ModelVersion): Promise<ModelArtifactBundle> {
    const dir = resolve(this.config.dataDir, version.artifactPath);
    try {
      return await readModelArtifacts(dir, version.artifactSha256);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
    const row = await this.dataSource.getRepository(ModelVersion).createQueryBuilder('v')
      .addSelect(['v.artifactModelJson', 'v.artifactWeightsBase64']).where('v.id = :id', { id: version.id }).getOneOrFail();
    const bundle: ModelArtifactBundle = {
      modelJson: Buffer.from(row.artifactModelJson, 'utf8'),
      weightsBin: Buffer.from(row.artifactWeightsBase64, 'base64'),
      sha256: version.artifactSha256,
    };
    verifyArtifactChecksum(bundle, version.artifactSha256);
    await writeModelArtifacts(dir, bundle).catch((err: Error) => {
      if (!/already exists/.test(err.message)) throw err; // another process restored it first
    });
    return bundle;
  }

  private async deactivate(m: EntityManager, id: string, reason: string, now: Date): Promise<void> {
    await m.update(ModelVersion, { id }, { status: 'inactive', statusReason: reason, deactivatedAt: now });
  }

  private async lockTenant(m: EntityManager, tenantId: string): Promise<void> {
    await rawQuery(m, `SELECT "id" FROM "tenant" WHERE "id" = ?${forUpdate(m)}`, [tenantId]);
  }
}
