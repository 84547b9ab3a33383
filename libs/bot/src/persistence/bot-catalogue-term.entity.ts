import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * How people call a topic or city of the catalogue, in both languages ("data-analysis" = "数据分析",
 * "Shanghai" = "上海"). Tenants add their own; defaults come from the bot's data file.
 */
@Entity('bot_catalogue_term')
@Index(['tenantId', 'kind', 'key'], { unique: true })
export class BotCatalogueTerm {
  @PrimaryColumn('varchar', { length: 36 }) id: string;
  @Column('varchar', { length: 36 }) tenantId: string;
  @Column('varchar', { length: 16 }) kind: 'topic' | 'city';
  /** The value as stored on sessions (`offline_session.topic` / `.city`). */
  @Column('varchar', { length: 100 }) key: string;
  @Column('varchar', { length: 200, nullable: true }) nameEn: string | null;
  @Column('varchar', { length: 200, nullable: true }) nameZh: string | null;
  @Column('simple-json') aliases: string[];
  @Column() updatedAt: Date;
}
