import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class AddDeploymentDto {
  @ApiProperty({ example: '2' }) @IsString() @IsNotEmpty() @MaxLength(255) deploymentId: string;
}
