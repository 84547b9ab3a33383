import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The gradebook column of one offline session in one LMS course. The unique row is claimed before the line item is
 * created on the platform, so two grade jobs for the same session never create two columns.
 */
@Entity('lti_line_item')
@Index(['courseLinkId', 'sessionId'], { unique: true })
export class LtiLineItem {
  @PrimaryColumn('varchar', { length: 36 }) id: string;
  @Column('varchar', { length: 36 }) courseLinkId: string;
  @Column('varchar', { length: 36 }) sessionId: string;
  @Column('varchar', { length: 1000, nullable: true }) lineItemUrl: string | null;
  @Column('varchar', { length: 16 }) state: 'claimed' | 'ready';
  /** How we got it: created by us, found by resourceId/tag, or announced by a resource link launch. */
  @Column('varchar', { length: 16 }) source: 'created' | 'found' | 'resource-link' | 'pending';
  @Column() claimedAt: Date;
}
