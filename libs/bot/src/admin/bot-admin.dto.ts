import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUrl, Matches, Max, MaxLength, Min, ValidateIf } from 'class-validator';

const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/;
export const FAQ_KEYS = ['price', 'refund', 'location', 'what_to_bring'] as const;

export class ChatLinkCodeDto {
  @ApiPropertyOptional({ description: 'How long the code is valid, in minutes', default: 60 * 24, minimum: 1, maximum: 60 * 24 * 14 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(60 * 24 * 14) ttlMinutes?: number;
}

export class BotSettingsDto {
  @ApiPropertyOptional({ description: 'Local HH:MM (tenant time zone) when quiet hours begin; null turns them off', example: '22:00', nullable: true })
  @IsOptional() @ValidateIf((_, v) => v !== null) @Matches(HHMM) quietHoursStart?: string | null;

  @ApiPropertyOptional({ description: 'Local HH:MM when quiet hours end', example: '08:00', nullable: true })
  @IsOptional() @ValidateIf((_, v) => v !== null) @Matches(HHMM) quietHoursEnd?: string | null;

  @ApiPropertyOptional({ description: 'Admins’ endpoint receiving talk-to-a-person requests (JSON POST)', nullable: true })
  @IsOptional() @ValidateIf((_, v) => v !== null) @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true }) @MaxLength(500)
  handoffWebhookUrl?: string | null;
}

export class FaqEntryDto {
  @ApiProperty({ example: 'Full refund up to 48 hours before the start.' }) @IsString() @IsNotEmpty() @MaxLength(2000) en: string;
  @ApiProperty({ example: '开始前 48 小时可全额退款。' }) @IsString() @IsNotEmpty() @MaxLength(2000) zhCN: string;
}

export class CatalogueTermDto {
  @ApiProperty({ enum: ['topic', 'city'] }) @IsIn(['topic', 'city']) kind: 'topic' | 'city';
  @ApiProperty({ description: 'The value stored on sessions (topic key or city name)', example: 'data-analysis' })
  @IsString() @IsNotEmpty() @MaxLength(100) key: string;
  @ApiPropertyOptional({ example: 'data analysis' }) @IsOptional() @IsString() @MaxLength(200) en?: string;
  @ApiPropertyOptional({ example: '数据分析' }) @IsOptional() @IsString() @MaxLength(200) zhCN?: string;
  @ApiPropertyOptional({ type: [String], example: ['pandas'] })
  @IsOptional() @IsArray() @IsString({ each: true }) @MaxLength(100, { each: true }) aliases?: string[];
}

export class HandoffListQuery {
  @ApiPropertyOptional({ enum: ['open', 'delivered', 'answered'] }) @IsOptional() @IsIn(['open', 'delivered', 'answered']) status?: string;
}

export class HandoffAnswerDto {
  @ApiProperty({ example: 'Yes, the lab has power sockets at every seat.' }) @IsString() @IsNotEmpty() @MaxLength(2000) text: string;
}
