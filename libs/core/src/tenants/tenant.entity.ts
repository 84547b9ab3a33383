import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

@Entity('tenant')
export class Tenant {
  @PrimaryColumn('varchar', { length: 36 }) id: string;
  @Column('varchar', { length: 64, unique: true }) slug: string;
  @Column('varchar', { length: 200 }) name: string;
  @Column('varchar', { length: 16, default: 'en' }) defaultLocale: string;
  @Column('varchar', { length: 64, default: 'UTC' }) timeZone: string;
  @Column('simple-json', { default: '{}' }) settings: Record<string, unknown>;
  @CreateDateColumn() createdAt: Date;
}
