import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('feedback')
export class Feedback {
  @PrimaryColumn('varchar', { length: 36 }) id: string;
  @Column('varchar', { length: 36 }) tenantId: string;
  @Column('varchar', { length: 36, unique: true }) bookingId: string;
  @Column('varchar', { length: 36 }) sessionId: string;
  @Column('varchar', { length: 36 }) learnerId: string;
  @Column('integer') rating: number;
  @Column('text', { default: '' }) comment: string;
  @Column() givenAt: Date;
}
