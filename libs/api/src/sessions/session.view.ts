import { ApiProperty } from '@nestjs/swagger';
import { OfflineSession } from '@o2o/core';

export class SessionView {
  @ApiProperty() id: string;
  @ApiProperty() title: string;
  @ApiProperty() description: string;
  @ApiProperty() topic: string;
  @ApiProperty({ nullable: true, type: String }) courseId: string | null;
  @ApiProperty({ nullable: true, type: String }) venueId: string | null;
  @ApiProperty() format: string;
  @ApiProperty() city: string;
  @ApiProperty({ nullable: true, type: String }) instructorName: string | null;
  @ApiProperty() startsAt: string;
  @ApiProperty() endsAt: string;
  @ApiProperty() timeZone: string;
  @ApiProperty() capacity: number;
  @ApiProperty() waitlistLimit: number;
  @ApiProperty() confirmedCount: number;
  @ApiProperty() waitlistCount: number;
  @ApiProperty() seatsLeft: number;
  @ApiProperty() waitlistOpen: boolean;
  @ApiProperty() price: number;
  @ApiProperty() currency: string;
  @ApiProperty() language: string;
  @ApiProperty({ enum: ['scheduled', 'cancelled', 'completed'] }) status: string;
  @ApiProperty({ nullable: true, type: String }) cancelReason: string | null;
  @ApiProperty() revision: number;

  static of(s: OfflineSession): SessionView {
    return {
      id: s.id, title: s.title, description: s.description, topic: s.topic, courseId: s.courseId, venueId: s.venueId,
      format: s.format, city: s.city, instructorName: s.instructorName, startsAt: s.startsAt.toISOString(),
      endsAt: s.endsAt.toISOString(), timeZone: s.timeZone, capacity: s.capacity, waitlistLimit: s.waitlistLimit,
      confirmedCount: s.confirmedCount, waitlistCount: s.waitlistCount,
      seatsLeft: Math.max(0, s.capacity - s.confirmedCount),
      waitlistOpen: s.status === 'scheduled' && s.waitlistCount < s.waitlistLimit,
      price: s.priceMinor / 100, currency: s.currency, language: s.language, status: s.status,
      cancelReason: s.cancelReason, revision: s.revision,
    };
  }
}
