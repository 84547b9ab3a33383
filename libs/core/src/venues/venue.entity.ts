import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

@Entity('venue')
export class Venue {
  @PrimaryColumn('varchar', { length: 36 }) id: string;
  @Column('varchar', { length: 36 }) tenantId: string;
  @Column('varchar', { length: 200 }) name: string;
  @Column('varchar', { length: 100 }) city: string;
  @Column('varchar', { length: 500, default: '' }) address: string;
  @Column('integer') capacity: number;
  /** Cost of one session at this venue, in minor units of `currency`. */
  @Column('integer', { default: 0 }) costMinor: number;
  @Column('varchar', { length: 3, default: 'CNY' }) currency: string;
  @CreateDateColumn() createdAt: Date;
}
