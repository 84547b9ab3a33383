import { Get } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { DataSource } from 'typeorm';
import { ApiV1, CurrentTenant } from '@o2o/api';
import { Tenant } from '@o2o/core';
import { rawQuery } from '@o2o/persistence';
import { rowNumber } from './bulk-sql';

/** What the doors have taken in for the tenant: events per source, statements, raw Caliper events per type. */
@ApiTags('ingest')
@ApiBearerAuth()
@ApiV1('ingest/stats')
export class IngestStatsController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get()
  @ApiOperation({ summary: 'Counts of stored learning events, xAPI statements and unsupported Caliper events' })
  async stats(@CurrentTenant() tenant: Tenant) {
    const m = this.dataSource.manager;
    const events = await rawQuery<{ source: string; voided: unknown; n: unknown }>(m,
      'SELECT "source", "voided", COUNT(*) AS "n" FROM "learning_event" WHERE "tenantId" = ? GROUP BY "source", "voided"', [tenant.id]);
    const [statements] = await rawQuery<{ n: unknown }>(m, 'SELECT COUNT(*) AS "n" FROM "xapi_statement" WHERE "tenantId" = ?', [tenant.id]);
    const caliper = await rawQuery<{ eventType: string; n: unknown }>(m,
      'SELECT "eventType", COUNT(*) AS "n" FROM "caliper_raw_event" WHERE "tenantId" = ? GROUP BY "eventType" ORDER BY "eventType"', [tenant.id]);
    const [aggregates] = await rawQuery<{ n: unknown }>(m, 'SELECT COUNT(*) AS "n" FROM "learner_aggregate" WHERE "tenantId" = ?', [tenant.id]);
    const bySource: Record<string, number> = { xapi: 0, caliper: 0, csv: 0 };
    let voided = 0;
    for (const row of events) {
      if (row.voided === true || row.voided === 1) voided += rowNumber(row.n)!;
      else bySource[row.source] = (bySource[row.source] ?? 0) + rowNumber(row.n)!;
    }
    return {
      events: bySource, voidedEvents: voided, xapiStatements: rowNumber(statements.n),
      caliperUnsupported: Object.fromEntries(caliper.map((r) => [r.eventType, rowNumber(r.n)])),
      learnerAggregates: rowNumber(aggregates.n),
    };
  }
}
