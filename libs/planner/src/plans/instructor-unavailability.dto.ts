import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { IsIsoInstant } from './iso-instant.validator';

/** A time an instructor cannot teach (holiday, another commitment). */
export class InstructorUnavailabilityDto {
  @ApiProperty({ description: "As in the candidates' instructor field", example: 'Li Wei' })
  @IsString() @IsNotEmpty() @MaxLength(200) instructor: string;

  @ApiProperty({ example: '2026-12-12T00:00:00+08:00' })
  @IsIsoInstant() from: string;

  @ApiProperty({ example: '2026-12-12T13:00:00+08:00' })
  @IsIsoInstant() to: string;
}
