import { Injectable } from '@nestjs/common';
import type { LtiRegistration } from '../entities/lti-registration.entity';
import { SCOPE } from '../launch/lti-claims.constants';
import { LmsCallError } from '../services/lms-call.error';
import { LtiServiceClient } from '../services/lti-service.client';

export interface NrpsMember {
  user_id: string;
  roles: string[];
  status?: 'Active' | 'Inactive' | 'Deleted';
  name?: string;
  given_name?: string;
  family_name?: string;
}

/** A large course has many pages; a platform sending an endless chain of next links is cut off here. */
const MAX_PAGES = 1_000;
const MEDIA_TYPE = 'application/vnd.ims.lti-nrps.v2.membershipcontainer+json';

/** Reads a whole membership container, following `Link: rel="next"` verbatim (NRPS 2.0 paging). */
@Injectable()
export class RosterFetcher {
  constructor(private readonly client: LtiServiceClient) {}

  async fetchAll(registration: LtiRegistration, url: string): Promise<{ members: NrpsMember[]; pages: number }> {
    const members: NrpsMember[] = [];
    let next: string | undefined = url;
    let pages = 0;
    while (next) {
      if (pages >= MAX_PAGES) throw new LmsCallError(`roster has more than ${MAX_PAGES} pages`, null, false);
      const res: { body: { members?: NrpsMember[] }; next?: string } = await this.client.call<{ members?: NrpsMember[] }>(
        registration, [SCOPE.nrps], { method: 'GET', url: next, accept: MEDIA_TYPE, what: 'NRPS memberships' },
      );
      members.push(...(res.body?.members ?? []).filter((m) => typeof m?.user_id === 'string'));
      pages += 1;
      next = res.next;
    }
    return { members, pages };
  }
}
