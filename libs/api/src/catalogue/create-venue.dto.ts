import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsISO4217CurrencyCode, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

export class CreateVenueDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(200) name: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(100) city: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) address?: string;
  @ApiProperty({ minimum: 1 }) @IsInt() @Min(1) @Max(100000) capacity: number;
  @ApiPropertyOptional({ description: 'Cost of one session, minor units' }) @IsOptional() @IsInt() @Min(0) costMinor?: number;
  @ApiPropertyOptional() @IsOptional() @IsISO4217CurrencyCode() currency?: string;
}
