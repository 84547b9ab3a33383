import { Controller, HttpCode, Post, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { IngestCaller } from '../credentials/ingest-caller';
import { IngestCredential } from '../credentials/ingest-credential.entity';
import { IngestExceptionFilter } from '../errors/ingest-exception.filter';
import { CaliperBearerGuard } from './caliper-bearer.guard';
import { CaliperEventService, CaliperReceipt } from './caliper-event.service';
import { readJsonBody } from './json-body.reader';

/** IMS Caliper 1.2 endpoint for sensor envelopes (Canvas live events in Caliper format, …). */
@ApiTags('caliper')
@Controller('caliper')
@UseFilters(IngestExceptionFilter)
export class CaliperController {
  constructor(private readonly caliper: CaliperEventService) {}

  @Post()
  @HttpCode(200)
  @UseGuards(CaliperBearerGuard)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Receive an envelope (sensor, sendTime, dataVersion, data[]); all items or none' })
  async receive(
    @IngestCaller() caller: IngestCredential, @Req() req: Request, @Res({ passthrough: true }) res: Response,
  ): Promise<CaliperReceipt> {
    return this.caliper.receive(caller, await readJsonBody(req, res));
  }
}
