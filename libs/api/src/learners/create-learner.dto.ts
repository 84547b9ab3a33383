import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

export class CreateLearnerDto {
  @ApiProperty({ description: 'The learner id in your system; pseudonymised on arrival', example: 'u-1001' })
  @IsString() @IsNotEmpty() @MaxLength(300) externalId: string;

  @ApiPropertyOptional({ description: 'Namespace of externalId (an LMS issuer); defaults to direct API learners' })
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(500) issuer?: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) displayName?: string;
  @ApiPropertyOptional({ enum: ['en', 'zh-CN'] }) @IsOptional() @IsIn(['en', 'zh-CN']) locale?: string;
  @ApiPropertyOptional({ example: 'Shanghai' }) @IsOptional() @IsString() @MaxLength(100) city?: string;
}
