import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsIn, IsInt, IsISO4217CurrencyCode, IsISO8601, IsLocale, IsNotEmpty, IsNumber, IsOptional, IsString, IsTimeZone,
  IsUUID, Matches, Max, MaxLength, Min,
} from 'class-validator';
import { SESSION_FORMATS, SessionFormat } from '@o2o/core';

/** An instant must say which offset it is in: "2026-12-12T14:00:00+08:00", never a bare local time. */
const WITH_OFFSET = /(Z|[+-]\d{2}:\d{2})$/;

export class CreateSessionDto {
  @ApiProperty({ example: 'Hands-on pandas workshop' })
  @IsString() @IsNotEmpty() @MaxLength(300) title: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(5000) description?: string;

  @ApiProperty({ example: 'data-analysis' })
  @IsString() @IsNotEmpty() @MaxLength(100) topic: string;

  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() courseId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() venueId?: string;

  @ApiProperty({ enum: SESSION_FORMATS }) @IsIn(SESSION_FORMATS) format: SessionFormat;

  @ApiProperty({ example: 'Shanghai' }) @IsString() @IsNotEmpty() @MaxLength(100) city: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) instructorName?: string;

  @ApiProperty({ example: '2026-12-12T14:00:00+08:00' })
  @IsISO8601({ strict: true }) @Matches(WITH_OFFSET, { message: 'startsAt must include a UTC offset or Z' })
  startsAt: string;

  @ApiProperty({ example: '2026-12-12T17:00:00+08:00' })
  @IsISO8601({ strict: true }) @Matches(WITH_OFFSET, { message: 'endsAt must include a UTC offset or Z' })
  endsAt: string;

  @ApiProperty({ example: 'Asia/Shanghai' }) @IsTimeZone() timeZone: string;

  @ApiProperty({ minimum: 1 }) @IsInt() @Min(1) @Max(100000) capacity: number;

  @ApiPropertyOptional({ minimum: 0, default: 0 }) @IsOptional() @IsInt() @Min(0) @Max(100000) waitlistLimit?: number;

  @ApiPropertyOptional({ description: 'Price in major units, at most two decimals', example: 199 })
  @IsOptional() @IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false }) @Min(0) @Max(10_000_000)
  price?: number;

  @ApiPropertyOptional({ example: 'CNY' }) @IsOptional() @IsISO4217CurrencyCode() currency?: string;

  @ApiPropertyOptional({ example: 'zh-CN' }) @IsOptional() @IsLocale() language?: string;
}
