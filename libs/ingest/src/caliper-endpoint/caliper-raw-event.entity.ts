import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A valid Caliper event (or entity describe) that is not one of the normalised kinds, kept raw — pseudonymised —
 * so it can be re-mapped later, and counted per type. Unique per (tenant, event id): re-sends are ignored.
 */
@Entity('caliper_raw_event')
@Index(['tenantId', 'eventId'], { unique: true })
@Index(['tenantId', 'eventType'])
export class CaliperRawEvent {
  @PrimaryColumn('varchar', { length: 36 }) id: string;
  @Column('varchar', { length: 36 }) tenantId: string;
  @Column('varchar', { length: 200 }) eventId: string;
  @Column('varchar', { length: 200 }) eventType: string;
  @Column('varchar', { length: 500 }) reason: string;
  @Column('text') sensor: string;
  @Column('text') payload: string;
  @Column() receivedAt: Date;
}
