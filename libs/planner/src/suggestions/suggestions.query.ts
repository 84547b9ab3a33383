import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsISO8601, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';

export class SuggestionsQuery {
  @ApiPropertyOptional({ default: 5, minimum: 1, maximum: 50 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(50) limit?: number;
  @ApiPropertyOptional({ example: 'Shanghai' }) @IsOptional() @IsString() @MaxLength(100) city?: string;
  @ApiPropertyOptional({ description: 'Sessions ending at or after this instant' }) @IsOptional() @IsISO8601({ strict: true }) from?: string;
  @ApiPropertyOptional({ description: 'Sessions starting before this instant' }) @IsOptional() @IsISO8601({ strict: true }) to?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'Only sessions of this course or its topic' }) @IsOptional() @IsUUID() courseId?: string;
}
