import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsLocale, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

export class UpsertCourseDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(200) externalId: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(300) title: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(100) topic: string;
  @ApiPropertyOptional() @IsOptional() @IsLocale() language?: string;
}
