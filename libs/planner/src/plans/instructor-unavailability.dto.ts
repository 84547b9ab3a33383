import { ApiProperty } from '@nestjs/swagger';
import { IsISO8601, IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';

const WITH_OFFSET = /(Z|[+-]\d{2}:\d{2})$/;

/** A time an instructor cannot teach (holiday, another commitment). */
export class InstructorUnavailabilityDto {
  @ApiProperty({ description: "As in the candidates' instructor field", example: 'Li Wei' })
  @IsString() @IsNotEmpty() @MaxLength(200) instructor: string;

  @ApiProperty({ example: '2026-12-12T00:00:00+08:00' })
  @IsISO8601({ strict: true }) @Matches(WITH_OFFSET, { message: 'from must include a UTC offset or Z' }) from: string;

  @ApiProperty({ example: '2026-12-12T13:00:00+08:00' })
  @IsISO8601({ strict: true }) @Matches(WITH_OFFSET, { message: 'to must include a UTC offset or Z' }) to: string;
}
