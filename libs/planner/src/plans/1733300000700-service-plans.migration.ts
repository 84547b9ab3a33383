import { MigrationInterface, QueryRunner } from 'typeorm';
import { createTable } from '@o2o/persistence';

/** Service plans and their invitation lists (libs/planner). */
export class ServicePlans1733300000700 implements MigrationInterface {
  name = 'ServicePlans1733300000700';

  async up(qr: QueryRunner): Promise<void> {
    await createTable(qr, 'service_plan', {
      id: { kind: 'id' }, tenantId: { kind: 'ref' }, status: { kind: 'string', length: 16 },
      periodStart: { kind: 'timestamp' }, periodEnd: { kind: 'timestamp' }, budget: { kind: 'real' }, minAttendance: { kind: 'real' },
      candidates: { kind: 'json' }, result: { kind: 'json' }, solverStatus: { kind: 'string', length: 16 },
      objectiveValue: { kind: 'real' }, bestBound: { kind: 'real' }, gap: { kind: 'real', nullable: true },
      expectedAttendance: { kind: 'real' }, expectedSatisfaction: { kind: 'real' }, totalCost: { kind: 'real' },
      solveSeconds: { kind: 'real' }, scoreSource: { kind: 'string', length: 16 }, modelVersionId: { kind: 'ref', nullable: true },
      eligibleLearners: { kind: 'int' }, eligiblePairs: { kind: 'int' }, createdSessions: { kind: 'json', default: '{}' },
      createdAt: { kind: 'timestamp' }, approvalStartedAt: { kind: 'timestamp', nullable: true },
      approvedAt: { kind: 'timestamp', nullable: true },
    }, [{ columns: ['tenantId', 'createdAt'] }]);
    await createTable(qr, 'plan_invitation', {
      id: { kind: 'id' }, tenantId: { kind: 'ref' }, planId: { kind: 'ref' }, sessionId: { kind: 'ref' }, learnerId: { kind: 'ref' },
      candidateId: { kind: 'string', length: 100 }, score: { kind: 'real' }, attendProbability: { kind: 'real' },
      status: { kind: 'string', length: 16 }, createdAt: { kind: 'timestamp' },
    }, [{ columns: ['sessionId', 'learnerId'], unique: true }, { columns: ['planId'] }, { columns: ['learnerId'] }]);
  }

  async down(qr: QueryRunner): Promise<void> {
    await qr.dropTable('plan_invitation', true);
    await qr.dropTable('service_plan', true);
  }
}
