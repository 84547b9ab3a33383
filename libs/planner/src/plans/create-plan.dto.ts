import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsNumber, IsOptional, IsUUID, Max, Min, ValidateNested,
} from 'class-validator';
import { InstructorUnavailabilityDto } from './instructor-unavailability.dto';
import { IsIsoInstant } from './iso-instant.validator';
import { PlanCandidateDto } from './plan-candidate.dto';

export class PlanPeriodDto {
  @ApiProperty({ example: '2026-12-12T00:00:00+08:00' })
  @IsIsoInstant() start: string;

  @ApiProperty({ example: '2026-12-14T00:00:00+08:00' })
  @IsIsoInstant() end: string;
}

/** A service-plan request: what could be opened, what it may cost, and whom it may invite. */
export class CreatePlanDto {
  @ApiProperty({ type: PlanPeriodDto }) @ValidateNested() @Type(() => PlanPeriodDto) period: PlanPeriodDto;

  @ApiProperty({ type: [PlanCandidateDto] })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(500) @ValidateNested({ each: true }) @Type(() => PlanCandidateDto)
  candidates: PlanCandidateDto[];

  @ApiProperty({ description: 'Upper limit on the total fixed cost of opened sessions (major units)', example: 5000 })
  @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(0) @Max(1e12) budget: number;

  @ApiProperty({ description: 'Minimum expected attendance of every opened session', example: 6 })
  @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(0) @Max(100000) minAttendance: number;

  @ApiPropertyOptional({ description: 'Eligible learners (default: every learner of the tenant)', type: [String] })
  @IsOptional() @IsArray() @ArrayMaxSize(50000) @IsUUID('all', { each: true }) learnerIds?: string[];

  @ApiPropertyOptional({ description: 'Only invite learners whose city is at most this far from the session (unknown cities stay eligible)' })
  @IsOptional() @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(0) @Max(20000) maxDistanceKm?: number;

  @ApiPropertyOptional({
    type: [InstructorUnavailabilityDto],
    description: "Times instructors cannot teach: their candidates' slots overlapping these stay closed",
  })
  @IsOptional() @IsArray() @ArrayMaxSize(5000) @ValidateNested({ each: true }) @Type(() => InstructorUnavailabilityDto)
  instructorUnavailable?: InstructorUnavailabilityDto[];

  @ApiPropertyOptional({ minimum: 1 }) @IsOptional() @IsInt() @Min(1) @Max(1000) maxInvitationsPerLearner?: number;
  @ApiPropertyOptional({ minimum: 0, default: 1 }) @IsOptional() @IsInt() @Min(0) @Max(500) minOpenedSessions?: number;

  @ApiPropertyOptional({ description: 'Solver time limit (default PLAN_TIME_LIMIT_SECONDS)', minimum: 1, maximum: 600 })
  @IsOptional() @IsInt() @Min(1) @Max(600) timeLimitSeconds?: number;
}
