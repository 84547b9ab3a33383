import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';

export class CreateIngestCredentialDto {
  @ApiProperty({ enum: ['xapi', 'caliper'], description: 'xapi: HTTP Basic key/secret for /xapi; caliper: bearer token for /caliper' })
  @IsIn(['xapi', 'caliper']) kind: 'xapi' | 'caliper';

  @ApiPropertyOptional({ example: 'Moodle production LRS feed' })
  @IsOptional() @IsString() @MaxLength(200) label?: string;
}
