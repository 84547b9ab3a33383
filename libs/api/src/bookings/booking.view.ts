import { ApiProperty } from '@nestjs/swagger';
import { BOOKING_STATUSES, BookingView as CoreBookingView } from '@o2o/core';

export class BookingView {
  @ApiProperty() id: string;
  @ApiProperty() sessionId: string;
  @ApiProperty() learnerId: string;
  @ApiProperty({ enum: BOOKING_STATUSES }) status: string;
  @ApiProperty({ nullable: true, type: Number }) waitlistPosition: number | null;
  @ApiProperty() source: string;
  @ApiProperty() createdAt: string;
  @ApiProperty({ nullable: true, type: String }) confirmedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) promotedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) cancelledAt: string | null;
  @ApiProperty({ nullable: true, type: String }) cancelReason: string | null;

  static of(b: CoreBookingView): BookingView {
    const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
    return {
      id: b.id, sessionId: b.sessionId, learnerId: b.learnerId, status: b.status, waitlistPosition: b.waitlistPosition,
      source: b.source, createdAt: new Date(b.createdAt).toISOString(), confirmedAt: iso(b.confirmedAt),
      promotedAt: iso(b.promotedAt), cancelledAt: iso(b.cancelledAt), cancelReason: b.cancelReason,
    };
  }
}
