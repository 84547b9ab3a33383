import { Body, Controller, Get, HttpCode, Post, Put, Query, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiBasicAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Clock } from '@o2o/core';
import { IngestCaller } from '../credentials/ingest-caller';
import { IngestCredential } from '../credentials/ingest-credential.entity';
import { IngestExceptionFilter } from '../errors/ingest-exception.filter';
import { XapiBasicAuthGuard } from './xapi-basic-auth.guard';
import { XapiStatementService } from './xapi-statement.service';
import { XAPI_VERSION, XAPI_VERSION_HEADER, XapiVersionGuard } from './xapi-version.guard';

/**
 * A conformant subset of the xAPI 1.0.3 Statement resource (Communication §2.1) for LMSs that send learning
 * records to an LRS (Moodle's logstore_xapi, …). Statement queries beyond a single id are not served.
 */
@ApiTags('xapi')
@Controller('xapi')
@UseFilters(IngestExceptionFilter)
export class XapiController {
  constructor(
    private readonly statements: XapiStatementService,
    private readonly clock: Clock,
  ) {}

  @Get('about')
  @ApiOperation({ summary: 'Versions this LRS speaks (no credentials needed)' })
  about() {
    return { version: [XAPI_VERSION, '1.0.2', '1.0.1', '1.0.0'], extensions: {} };
  }

  @Post('statements')
  @HttpCode(200)
  @UseGuards(XapiBasicAuthGuard, XapiVersionGuard)
  @ApiBasicAuth()
  @ApiHeader({ name: XAPI_VERSION_HEADER, required: true, example: XAPI_VERSION })
  @ApiOperation({ summary: 'Store one statement or an array (all or none); answers the ids in order' })
  post(@IngestCaller() caller: IngestCredential, @Body() body: unknown): Promise<string[]> {
    return this.statements.post(caller, body);
  }

  @Put('statements')
  @HttpCode(204)
  @UseGuards(XapiBasicAuthGuard, XapiVersionGuard)
  @ApiBasicAuth()
  @ApiHeader({ name: XAPI_VERSION_HEADER, required: true, example: XAPI_VERSION })
  @ApiOperation({ summary: 'Store one statement under ?statementId=' })
  async put(@IngestCaller() caller: IngestCredential, @Query('statementId') statementId: unknown, @Body() body: unknown): Promise<void> {
    await this.statements.put(caller, statementId, body);
  }

  @Get('statements')
  @UseGuards(XapiBasicAuthGuard, XapiVersionGuard)
  @ApiBasicAuth()
  @ApiHeader({ name: XAPI_VERSION_HEADER, required: true, example: XAPI_VERSION })
  @ApiOperation({ summary: 'One statement by ?statementId= (or a voided one by ?voidedStatementId=), agents pseudonymised' })
  async get(@IngestCaller() caller: IngestCredential, @Query() query: Record<string, unknown>, @Res() res: Response): Promise<void> {
    const statement = await this.statements.get(caller.tenantId, query);
    res.setHeader('X-Experience-API-Consistent-Through', this.clock.now().toISOString());
    res.status(200).type('application/json').send(statement);
  }
}
