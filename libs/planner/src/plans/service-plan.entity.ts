import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { PlanCandidateRecord } from './plan-candidate.record';

export type ServicePlanStatus = 'draft' | 'approving' | 'approved';

/**
 * A solved service plan: which candidate sessions to open and whom to invite, with expected attendance and
 * satisfaction, the objective, the solver's bound and gap. A draft until approved; approval creates the
 * sessions one by one (recorded in `createdSessions`, so an interrupted approval resumes instead of duplicating)
 * and then the invitation list.
 */
@Entity('service_plan')
@Index(['tenantId', 'createdAt'])
export class ServicePlanRecord {
  @PrimaryColumn('varchar', { length: 36 }) id: string;
  @Column('varchar', { length: 36 }) tenantId: string;
  @Column('varchar', { length: 16 }) status: ServicePlanStatus;
  @Column() periodStart: Date;
  @Column() periodEnd: Date;
  @Column('double precision') budget: number;
  @Column('double precision') minAttendance: number;
  @Column('simple-json') candidates: PlanCandidateRecord[];
  /** The planner's result: opened sessions with their invitations, statistics. */
  @Column('simple-json') result: Record<string, unknown>;
  @Column('varchar', { length: 16 }) solverStatus: string;
  @Column('double precision') objectiveValue: number;
  @Column('double precision') bestBound: number;
  /** null when the gap is infinite (a zero plan against a positive bound). */
  @Column('double precision', { nullable: true }) gap: number | null;
  @Column('double precision') expectedAttendance: number;
  @Column('double precision') expectedSatisfaction: number;
  @Column('double precision') totalCost: number;
  @Column('double precision') solveSeconds: number;
  /** 'model' (predicted f of the live version) or 'catalogue' (cold-start heuristic). */
  @Column('varchar', { length: 16 }) scoreSource: string;
  @Column('varchar', { length: 36, nullable: true }) modelVersionId: string | null;
  @Column('integer') eligibleLearners: number;
  @Column('integer') eligiblePairs: number;
  /** candidate id → created offline session id, filled during approval. */
  @Column('simple-json') createdSessions: Record<string, string>;
  @Column() createdAt: Date;
  @Column({ type: Date, nullable: true }) approvalStartedAt: Date | null;
  @Column({ type: Date, nullable: true }) approvedAt: Date | null;
}
