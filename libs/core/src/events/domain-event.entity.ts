import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Durable log of every domain event, written in the same transaction as the change it describes. */
@Entity('domain_event')
@Index(['tenantId', 'occurredAt'])
export class DomainEventRecord {
  @PrimaryColumn('varchar', { length: 36 }) id: string;
  @Column('varchar', { length: 36 }) tenantId: string;
  @Column('varchar', { length: 64 }) type: string;
  @Column('simple-json') payload: Record<string, unknown>;
  @Column() occurredAt: Date;
}
