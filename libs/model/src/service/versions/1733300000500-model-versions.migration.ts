import { MigrationInterface, QueryRunner } from 'typeorm';
import { createTable } from '@o2o/persistence';

/** Model versions (libs/model). */
export class ModelVersions1733300000500 implements MigrationInterface {
  name = 'ModelVersions1733300000500';

  async up(qr: QueryRunner): Promise<void> {
    await createTable(qr, 'model_version', {
      id: { kind: 'id' }, tenantId: { kind: 'ref' }, status: { kind: 'string', length: 16 }, statusReason: { kind: 'text' },
      fusion: { kind: 'string', length: 16 }, alpha: { kind: 'real' }, beta: { kind: 'real' }, featureList: { kind: 'json' },
      dataSnapshotHash: { kind: 'string', length: 64 }, exampleCounts: { kind: 'json' }, metrics: { kind: 'json' },
      gate: { kind: 'json' }, training: { kind: 'json' }, backend: { kind: 'string', length: 32 },
      artifactPath: { kind: 'string', length: 500 }, artifactSha256: { kind: 'string', length: 64 },
      artifactModelJson: { kind: 'text' }, artifactWeightsBase64: { kind: 'text' },
      trigger: { kind: 'string', length: 16 }, jobId: { kind: 'ref', nullable: true },
      createdAt: { kind: 'timestamp' }, activatedAt: { kind: 'timestamp', nullable: true },
      deactivatedAt: { kind: 'timestamp', nullable: true },
    }, [
      { columns: ['tenantId', 'createdAt'] },
      // Exactly one live model per tenant: two activations racing cannot both win.
      { columns: ['tenantId'], unique: true, where: `"status" = 'active'`, name: 'UQ_model_version_active' },
    ]);
  }

  async down(qr: QueryRunner): Promise<void> {
    await qr.dropTable('model_version', true);
  }
}
