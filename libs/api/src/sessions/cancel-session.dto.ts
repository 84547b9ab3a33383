import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

export class CancelSessionDto {
  @ApiPropertyOptional({ example: 'Instructor is ill' }) @IsOptional() @IsString() @MaxLength(500) reason?: string;
}
