import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

@Entity('course')
@Index(['tenantId', 'externalId'], { unique: true })
export class Course {
  @PrimaryColumn('varchar', { length: 36 }) id: string;
  @Column('varchar', { length: 36 }) tenantId: string;
  @Column('varchar', { length: 200 }) externalId: string;
  @Column('varchar', { length: 300 }) title: string;
  @Column('varchar', { length: 100 }) topic: string;
  @Column('varchar', { length: 16, default: 'en' }) language: string;
  @CreateDateColumn() createdAt: Date;
}
