import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsNotEmpty, IsOptional, IsString, IsUrl, MaxLength } from 'class-validator';

const URL_OPTIONS = { protocols: ['http', 'https'], require_protocol: true, require_tld: false };

/** A platform (LMS) registered by hand with the values its admin screen shows. */
export class RegisterPlatformDto {
  @ApiProperty({ example: 'https://moodle.example.edu', description: 'Platform ID / issuer (iss)' })
  @IsUrl(URL_OPTIONS) @MaxLength(500) issuer: string;

  @ApiProperty({ example: 'kJ7dT2pQ9sR1' }) @IsString() @IsNotEmpty() @MaxLength(200) clientId: string;

  @ApiProperty({ example: 'Moodle (campus)' }) @IsString() @IsNotEmpty() @MaxLength(200) name: string;

  @ApiProperty({ example: 'https://moodle.example.edu/mod/lti/auth.php', description: 'OIDC authorization endpoint' })
  @IsUrl(URL_OPTIONS) @MaxLength(1000) authLoginUrl: string;

  @ApiProperty({ example: 'https://moodle.example.edu/mod/lti/token.php' })
  @IsUrl(URL_OPTIONS) @MaxLength(1000) authTokenUrl: string;

  @ApiProperty({ example: 'https://moodle.example.edu/mod/lti/certs.php' })
  @IsUrl(URL_OPTIONS) @MaxLength(1000) jwksUrl: string;

  @ApiPropertyOptional({ description: 'Audience of client assertions when it is not the token URL (Canvas)' })
  @IsOptional() @IsString() @MaxLength(1000) authServer?: string;

  @ApiProperty({ type: [String], example: ['1'] })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(100) @IsString({ each: true }) @IsNotEmpty({ each: true }) @MaxLength(255, { each: true })
  deploymentIds: string[];

  @ApiPropertyOptional({ example: 'moodle', description: 'LMS product family (moodle, canvas…) when the issuer does not tell' })
  @IsOptional() @IsString() @MaxLength(64) productFamilyCode?: string;

  @ApiPropertyOptional({ type: [String], description: 'Origins of LMS pages that frame the tool, besides the issuer' })
  @IsOptional() @IsArray() @ArrayMaxSize(20) @IsUrl(URL_OPTIONS, { each: true }) lmsOrigins?: string[];
}
