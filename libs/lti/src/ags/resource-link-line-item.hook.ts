import { randomUUID } from 'node:crypto';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { OfflineSession } from '@o2o/core';
import { isUniqueViolation, TransactionRunner } from '@o2o/persistence';
import { LtiLineItem } from '../entities/lti-line-item.entity';
import { LaunchHooks } from '../launch/launch.hooks';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A resource link made by deep linking for one session, with a line item, arrives with that line item in its launch
 * (AGS `lineitem`). Recording it lets grades flow even where the LMS only allows "grade sync" without column
 * management (Moodle's middle AGS setting).
 */
@Injectable()
export class ResourceLinkLineItems implements OnModuleInit {
  constructor(
    private readonly hooks: LaunchHooks,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
  ) {}

  onModuleInit(): void {
    this.hooks.add(async ({ summary, link, session }) => {
      const sessionId = summary.custom.o2o_session_id;
      if (!link || !summary.lineItemUrl || !sessionId || !UUID.test(sessionId)) return;
      if (await this.dataSource.getRepository(LtiLineItem).existsBy({ courseLinkId: link.id, sessionId })) return;
      if (!(await this.dataSource.getRepository(OfflineSession).existsBy({ id: sessionId, tenantId: session.tenantId }))) return;
      try {
        await this.tx.run((m) => m.insert(LtiLineItem, {
          id: randomUUID(), courseLinkId: link.id, sessionId, lineItemUrl: summary.lineItemUrl!, state: 'ready', source: 'resource-link', claimedAt: new Date(),
        }));
      } catch (err) {
        if (!isUniqueViolation(err)) throw err;
      }
    });
  }
}
