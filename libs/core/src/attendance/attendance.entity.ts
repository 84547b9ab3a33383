import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export const ATTENDANCE_STATUSES = ['present', 'absent', 'late'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

@Entity('attendance')
@Index(['sessionId', 'learnerId'], { unique: true })
export class Attendance {
  @PrimaryColumn('varchar', { length: 36 }) id: string;
  @Column('varchar', { length: 36 }) tenantId: string;
  @Column('varchar', { length: 36 }) sessionId: string;
  @Column('varchar', { length: 36 }) learnerId: string;
  @Column('varchar', { length: 36 }) bookingId: string;
  @Column('varchar', { length: 16 }) status: AttendanceStatus;
  /** When the attendance was recorded (or last changed); later syncs never overwrite a newer record. */
  @Column() recordedAt: Date;
}
