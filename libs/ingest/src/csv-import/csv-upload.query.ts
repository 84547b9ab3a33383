import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

export class CsvUploadQuery {
  @ApiProperty({ description: 'The platform the learner ids belong to: the LMS base URL, as its LTI issuer', example: 'https://moodle.example.edu' })
  @IsString() @IsNotEmpty() @MaxLength(500) issuer: string;

  @ApiPropertyOptional({ description: 'Names the file in the summary and errors', example: 'moodle-2024.csv' })
  @IsOptional() @IsString() @MaxLength(200) file?: string;

  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'Read occurred_at values without a zone as UTC' })
  @IsOptional() @IsIn(['true', 'false']) naiveTimesAreUtc?: 'true' | 'false';
}
