import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Per-learner totals over their learning events, kept current in the same transaction as the events and
 * rebuilt by the backfill. The JSON columns hold the exact running state (see LearnerAggregateState); the
 * plain columns are the derived figures, ready for the feature builder to read with SQL.
 */
@Entity('learner_aggregate')
@Index(['tenantId'])
export class LearnerAggregate {
  @PrimaryColumn('varchar', { length: 36 }) learnerId: string;
  @Column('varchar', { length: 36 }) tenantId: string;
  @Column('integer') eventCount: number;
  @Column('simple-json') countsByType: Record<string, number>;
  @Column('double precision') durationMs: number;
  @Column('double precision') minutes: number;
  @Column('integer') scoreCount: number;
  @Column('double precision') scoreSumMicro: number;
  @Column('double precision', { nullable: true }) scoreMean: number | null;
  @Column('integer') ratingCount: number;
  @Column('double precision') ratingSumMicro: number;
  @Column('double precision', { nullable: true }) ratingMean: number | null;
  @Column('simple-json') courseFlags: Record<string, number>;
  @Column('integer') coursesActive: number;
  @Column('integer') coursesCompleted: number;
  @Column('double precision', { nullable: true }) completionRate: number | null;
  @Column('integer') coursesBought: number;
  @Column('integer') purchaseCount: number;
  @Column('simple-json') amountMilli: Record<string, number>;
  @Column({ type: Date, nullable: true }) firstActivityAt: Date | null;
  @Column({ type: Date, nullable: true }) lastActivityAt: Date | null;
  @Column('simple-json') activeDayRuns: Array<[number, number]>;
  @Column('integer') activeDays: number;
  @Column('integer') currentStreak: number;
  @Column('integer') longestStreak: number;
  @Column() updatedAt: Date;
}
