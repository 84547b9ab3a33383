import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The core schema declared feedback.bookingId unique, but createTable drops `unique` on `ref` columns, so the table
 * had no index on it: one rating per booking was not enforced by the database, and every join from bookings to
 * their ratings (the model's training set, suggestions) scanned the whole feedback table.
 */
export class FeedbackBookingIndex1733300000800 implements MigrationInterface {
  name = 'FeedbackBookingIndex1733300000800';

  async up(qr: QueryRunner): Promise<void> {
    await qr.query('CREATE UNIQUE INDEX IF NOT EXISTS "UQ_feedback_bookingId" ON "feedback" ("bookingId")');
  }

  async down(qr: QueryRunner): Promise<void> {
    await qr.query('DROP INDEX IF EXISTS "UQ_feedback_bookingId"');
  }
}
