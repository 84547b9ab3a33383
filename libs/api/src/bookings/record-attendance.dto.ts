import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsUUID } from 'class-validator';
import { ATTENDANCE_STATUSES, AttendanceStatus } from '@o2o/core';

export class RecordAttendanceDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() learnerId: string;
  @ApiProperty({ enum: ATTENDANCE_STATUSES }) @IsIn(ATTENDANCE_STATUSES) status: AttendanceStatus;
}
