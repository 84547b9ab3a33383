import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { OfflineSession } from '@o2o/core';
import { resolveLocale, translate } from '@o2o/i18n';
import { isUniqueViolation, TransactionRunner } from '@o2o/persistence';
import type { LtiCourseLink } from '../entities/lti-course-link.entity';
import { LtiLineItem } from '../entities/lti-line-item.entity';
import type { LtiRegistration } from '../entities/lti-registration.entity';
import { SCOPE } from '../launch/lti-claims.constants';
import { LmsCallError } from '../services/lms-call.error';
import { LtiServiceClient } from '../services/lti-service.client';

export const ATTENDANCE_TAG = 'o2o-attendance';
export const resourceIdOf = (sessionId: string) => `o2o-session:${sessionId}`;
const MT_ITEM = 'application/vnd.ims.lis.v2.lineitem+json';
const MT_CONTAINER = 'application/vnd.ims.lis.v2.lineitemcontainer+json';
/** A claim older than this belongs to a worker that died mid-creation; another may take over. */
const CLAIM_STALE_MS = 2 * 60_000;

interface PlatformLineItem { id: string; resourceId?: string; tag?: string }

/**
 * The gradebook column of a session in an LMS course, created once. The `lti_line_item` row is claimed before the
 * platform is asked; whoever loses the claim retries later and finds the column. A creation whose answer was lost is
 * found again by resourceId/tag before anything is created, so retries never duplicate the column.
 */
@Injectable()
export class LineItemResolver {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly client: LtiServiceClient,
  ) {}

  async resolve(registration: LtiRegistration, link: LtiCourseLink, sessionId: string): Promise<string> {
    const repo = this.dataSource.getRepository(LtiLineItem);
    const existing = await repo.findOneBy({ courseLinkId: link.id, sessionId });
    if (existing?.state === 'ready' && existing.lineItemUrl) return existing.lineItemUrl;
    const now = new Date();
    if (!existing) {
      try {
        await this.tx.run((m) => m.insert(LtiLineItem, {
          id: randomUUID(), courseLinkId: link.id, sessionId, lineItemUrl: null, state: 'claimed', source: 'pending', claimedAt: now,
        }));
      } catch (err) {
        if (isUniqueViolation(err)) throw new LmsCallError('the gradebook column is being created by another job', null, true);
        throw err;
      }
    } else {
      if (now.getTime() - existing.claimedAt.getTime() < CLAIM_STALE_MS) {
        throw new LmsCallError('the gradebook column is being created by another job', null, true);
      }
      const taken = await this.tx.run((m) => m.update(LtiLineItem, { id: existing.id, claimedAt: existing.claimedAt }, { claimedAt: now }));
      if (!taken.affected) throw new LmsCallError('the gradebook column is being created by another job', null, true);
    }
    try {
      const found = await this.find(registration, link, sessionId);
      const url = found ?? (await this.create(registration, link, sessionId));
      await this.tx.run((m) => m.update(LtiLineItem, { courseLinkId: link.id, sessionId }, { lineItemUrl: url, state: 'ready', source: found ? 'found' : 'created' }));
      return url;
    } catch (err) {
      // Let the next attempt claim again at once; it looks the column up before creating one.
      await this.tx.run((m) => m.delete(LtiLineItem, { courseLinkId: link.id, sessionId, state: 'claimed' }));
      throw err;
    }
  }

  private manageable(link: LtiCourseLink): boolean {
    return !!link.lineItemsUrl && link.agsScopes.includes(SCOPE.lineItem);
  }

  private async find(registration: LtiRegistration, link: LtiCourseLink, sessionId: string): Promise<string | undefined> {
    const scopes = link.agsScopes.filter((s) => s === SCOPE.lineItem || s === SCOPE.lineItemReadonly);
    // "Grade sync only" (Moodle's middle AGS level) grants no line item scope: there is nothing we may look up.
    if (!link.lineItemsUrl || !scopes.length) return undefined;
    const url = new URL(link.lineItemsUrl);
    url.searchParams.set('resource_id', resourceIdOf(sessionId));
    url.searchParams.set('tag', ATTENDANCE_TAG);
    let next: string | undefined = url.toString();
    for (let page = 0; next && page < 50; page += 1) {
      const res: { body: PlatformLineItem[]; next?: string } = await this.client.call<PlatformLineItem[]>(registration, scopes, {
        method: 'GET', url: next, accept: MT_CONTAINER, what: 'AGS line items',
      });
      const hit = (res.body ?? []).find((i) => i.resourceId === resourceIdOf(sessionId));
      if (hit) return hit.id;
      next = res.next;
    }
    return undefined;
  }

  private async create(registration: LtiRegistration, link: LtiCourseLink, sessionId: string): Promise<string> {
    if (!this.manageable(link)) {
      throw new LmsCallError('the LMS grants grade sync without column management for this course, and no column is linked to this session', null, false);
    }
    const session = await this.dataSource.getRepository(OfflineSession).findOneByOrFail({ id: sessionId });
    const locale = resolveLocale(session.language);
    const day = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: session.timeZone }).format(session.startsAt);
    const res = await this.client.call<PlatformLineItem>(registration, [SCOPE.lineItem], {
      method: 'POST', url: link.lineItemsUrl!, contentType: MT_ITEM, accept: MT_ITEM, what: 'AGS line item creation',
      body: {
        label: translate(locale, 'lti.ags.label', { title: session.title, day }).slice(0, 250), scoreMaximum: 1,
        resourceId: resourceIdOf(sessionId), tag: ATTENDANCE_TAG,
        startDateTime: session.startsAt.toISOString(), endDateTime: session.endsAt.toISOString(),
      },
    });
    if (!res.body?.id) throw new LmsCallError('AGS line item creation answered without an id', res.status, false);
    return res.body.id;
  }
}
