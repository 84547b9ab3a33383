import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A tenant's answer to a common question (refund policy, what to bring…), in both languages. */
@Entity('bot_faq_entry')
@Index(['tenantId', 'key'], { unique: true })
export class BotFaqEntry {
  @PrimaryColumn('varchar', { length: 36 }) id: string;
  @Column('varchar', { length: 36 }) tenantId: string;
  /** `price`, `refund`, `location`, `what_to_bring` (the questions the bot recognises). */
  @Column('varchar', { length: 64 }) key: string;
  @Column('text') answerEn: string;
  @Column('text') answerZh: string;
  @Column() updatedAt: Date;
}
