import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNumber, IsOptional, Max, Min, ValidateNested } from 'class-validator';

export class GateOverridesDto {
  @ApiPropertyOptional({ minimum: 0, maximum: 1 }) @IsOptional() @IsNumber() @Min(0) @Max(1) minMeanF1?: number;
  @ApiPropertyOptional({ minimum: 0, maximum: 1 }) @IsOptional() @IsNumber() @Min(0) @Max(1) minMeanAuc?: number;
  @ApiPropertyOptional({ minimum: 0, maximum: 1 }) @IsOptional() @IsNumber() @Min(0) @Max(1) maxStd?: number;
  @ApiPropertyOptional({ minimum: 0, maximum: 1 }) @IsOptional() @IsNumber() @Min(0) @Max(1) maxRegression?: number;
}

/** Every field is optional: the configured MODEL_* values apply where a field is absent. */
export class TrainModelDto {
  @ApiPropertyOptional({ enum: ['fused', 'dual-stream', 'hybrid'] }) @IsOptional() @IsIn(['fused', 'dual-stream', 'hybrid'])
  fusion?: 'fused' | 'dual-stream' | 'hybrid';

  @ApiPropertyOptional({ description: 'Weight of the offline loss term', minimum: 0 }) @IsOptional() @IsNumber() @Min(0) @Max(100)
  alpha?: number;

  @ApiPropertyOptional({ description: 'Weight of the online loss term', minimum: 0 }) @IsOptional() @IsNumber() @Min(0) @Max(100)
  beta?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 500 }) @IsOptional() @IsInt() @Min(1) @Max(500) epochs?: number;

  @ApiPropertyOptional({ enum: ['temporal', 'random'] }) @IsOptional() @IsIn(['temporal', 'random']) split?: 'temporal' | 'random';

  @ApiPropertyOptional({ description: 'Repeated evaluation runs', minimum: 1, maximum: 10 }) @IsOptional() @IsInt() @Min(1) @Max(10)
  runs?: number;

  @ApiPropertyOptional({ description: 'Observation point: only the first N days of each course count', minimum: 1 })
  @IsOptional() @IsInt() @Min(1) @Max(3650)
  courseDays?: number;

  @ApiPropertyOptional({ type: GateOverridesDto }) @IsOptional() @ValidateNested() @Type(() => GateOverridesDto)
  gate?: GateOverridesDto;
}
