import { PassThrough } from 'node:stream';
import { HttpCode, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { ApiV1, CurrentTenant } from '@o2o/api';
import { DomainError, Tenant } from '@o2o/core';
import { CsvHeaderError } from '../csv/csv-header.error';
import { httpStatusError } from '../errors/http-status.error';
import { CsvImportService } from './csv-import.service';
import { CsvImportKind, CsvImportSummary } from './csv-import.summary';
import { CsvUploadQuery } from './csv-upload.query';

/**
 * Upload of CSV history: the request body is the file itself (`Content-Type: text/csv`), read as a stream, so
 * a file of any size goes through in constant memory. Columns: libs/ingest/README.md.
 */
@ApiTags('ingest')
@ApiBearerAuth()
@ApiV1('ingest/csv')
export class CsvImportController {
  constructor(private readonly imports: CsvImportService) {}

  @Post('events')
  @HttpCode(200)
  @ApiConsumes('text/csv')
  @ApiOperation({ summary: 'Import an events CSV (learner_id, course_id, event_type, occurred_at, …)' })
  events(@CurrentTenant() tenant: Tenant, @Query() query: CsvUploadQuery, @Req() req: Request): Promise<CsvImportSummary> {
    return this.run(tenant, 'events', query, req);
  }

  @Post('outcomes')
  @HttpCode(200)
  @ApiConsumes('text/csv')
  @ApiOperation({ summary: 'Import an outcomes CSV (learner_id, course_id, result, rating, occurred_at)' })
  outcomes(@CurrentTenant() tenant: Tenant, @Query() query: CsvUploadQuery, @Req() req: Request): Promise<CsvImportSummary> {
    return this.run(tenant, 'outcomes', query, req);
  }

  private async run(tenant: Tenant, kind: CsvImportKind, query: CsvUploadQuery, req: Request): Promise<CsvImportSummary> {
    const type = String(req.headers['content-type'] ?? '');
    if (!/^(text\/csv|application\/csv|text\/plain)\b/i.test(type)) {
      throw httpStatusError(req, 415, 'CSV_CONTENT_TYPE', { contentType: type || '(none)' });
    }
    // The parser destroys its input when it stops early (bad header, runaway record); that must not be the
    // socket the answer goes out on. An interrupted upload ends the import (batches already committed stay).
    const body = new PassThrough();
    req.on('error', (err) => body.destroy(err));
    req.on('close', () => { if (!req.readableEnded) body.destroy(new Error('the upload was interrupted')); });
    req.pipe(body);
    try {
      return await this.imports.import(tenant.id, kind, body, {
        issuer: query.issuer, fileKey: query.file ?? `${kind}.csv`, naiveTimesAreUtc: query.naiveTimesAreUtc === 'true',
      });
    } catch (err) {
      if (err instanceof CsvHeaderError) throw new DomainError('CSV_HEADER_INVALID', 400, { detail: err.message }, 'header');
      throw err;
    } finally {
      if (!req.readableEnded) {
        // Stopped before the end: discard the rest of the upload and close the connection after answering.
        req.unpipe(body);
        req.res?.setHeader('Connection', 'close');
        req.resume();
      }
    }
  }
}
