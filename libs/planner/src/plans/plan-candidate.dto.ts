import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean, IsIn, IsInt, IsISO4217CurrencyCode, IsLocale, IsNotEmpty, IsNumber, IsOptional, IsString, IsTimeZone,
  IsUUID, Max, MaxLength, Min,
} from 'class-validator';
import { SESSION_FORMATS } from '@o2o/core';
import { IsIsoInstant } from './iso-instant.validator';

/** One session that could be opened: topic × city × time slot × venue, with its instructor and cost. */
export class PlanCandidateDto {
  @ApiPropertyOptional({ description: 'Your key for this candidate (default c1, c2, …)', example: 'py-sha-sat-am' })
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(100) id?: string;

  @ApiPropertyOptional({ example: 'Python hands-on / Python 实操' }) @IsOptional() @IsString() @MaxLength(300) title?: string;
  @ApiProperty({ example: 'python' }) @IsString() @IsNotEmpty() @MaxLength(100) topic: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() courseId?: string;
  @ApiPropertyOptional({ enum: SESSION_FORMATS, default: 'workshop' }) @IsOptional() @IsIn(SESSION_FORMATS) format?: string;

  @ApiPropertyOptional({ description: 'Default: the venue city', example: 'Shanghai' })
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(100) city?: string;

  @ApiProperty({ example: '2026-12-12T09:00:00+08:00' })
  @IsIsoInstant() startsAt: string;

  @ApiProperty({ example: '2026-12-12T12:00:00+08:00' })
  @IsIsoInstant() endsAt: string;

  @ApiPropertyOptional({ description: "Default: the tenant's time zone", example: 'Asia/Shanghai' }) @IsOptional() @IsTimeZone() timeZone?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'A stored venue (gives city, capacity and cost unless set here)' })
  @IsOptional() @IsUUID() venueId?: string;

  @ApiPropertyOptional({ description: 'An unstored venue: candidates with the same name cannot share a slot' })
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200) venueName?: string;

  @ApiPropertyOptional({ minimum: 1, description: 'Seats (required without venueId; at most the venue capacity)' })
  @IsOptional() @IsInt() @Min(1) @Max(100000) capacity?: number;

  @ApiPropertyOptional({ minimum: 0, description: 'Fixed cost of opening it, major units (default: venue cost)' })
  @IsOptional() @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(0) @Max(1e9) cost?: number;

  @ApiProperty({ example: 'Li Wei' }) @IsString() @IsNotEmpty() @MaxLength(200) instructor: string;

  @ApiPropertyOptional({ minimum: 0, description: 'Price a learner pays, major units' })
  @IsOptional() @IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false }) @Min(0) @Max(10_000_000) price?: number;

  @ApiPropertyOptional({ example: 'CNY' }) @IsOptional() @IsISO4217CurrencyCode() currency?: string;
  @ApiPropertyOptional({ example: 'zh-CN' }) @IsOptional() @IsLocale() language?: string;
  @ApiPropertyOptional({ description: 'Must be opened' }) @IsOptional() @IsBoolean() required?: boolean;

  @ApiPropertyOptional({ minimum: 0, description: 'Overrides the plan-wide minimum expected attendance' })
  @IsOptional() @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(0) @Max(100000) minAttendance?: number;
}
