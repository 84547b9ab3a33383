import { LTI_SPEC } from './lti-spec.constants';
import { httpIo, type FakeRequest, type FakeResponse } from './http-io.util';
import { paginate } from './paging.util';
import { filterPersonalData } from './privacy.filter';
import type { AccessTokenStore } from './access-token.store';
import type { PlatformRegistry } from './platform.registry';
import type { RosterMember } from './fake-lti-platform.types';

/**
 * Names and Role Provisioning Services 2.0: the context membership container with paging by `Link`
 * headers. The roster is read from the registry on every call, so a test can change it between two
 * imports and see what a tool does with joiners, leavers and `Inactive`/`Deleted` members.
 */
export class NrpsFakeHandler {
  constructor(
    private readonly registry: PlatformRegistry,
    private readonly tokens: AccessTokenStore,
    private readonly defaultPageSize: number,
  ) {}

  handle(req: FakeRequest): FakeResponse {
    const auth = this.tokens.check(req, [LTI_SPEC.scope.nrpsMembershipReadonly]);
    if (!auth.ok) return auth.response;
    if (req.method !== 'GET') return httpIo.error(405, 'method_not_allowed', 'only GET is supported');
    if (!httpIo.accepts(req, LTI_SPEC.mediaType.membershipContainer)) {
      return httpIo.error(406, 'not_acceptable', `Accept must allow ${LTI_SPEC.mediaType.membershipContainer}`);
    }
    const context = this.registry.context(req.params.contextId);
    if (!context) return httpIo.error(404, 'not_found', `unknown context ${req.params.contextId}`);
    const tool = this.registry.requireTool(auth.token.clientId);

    const role = req.url.searchParams.get('role');
    const members = this.registry
      .roster(context.id)
      .filter((m) => !role || m.roles.some((r) => NrpsFakeHandler.roleMatches(r, role)));
    const paged = paginate(members, req.url, this.defaultPageSize);
    if (paged.error) return httpIo.error(400, 'invalid_request', paged.error);

    const headers: Record<string, string> = {};
    if (paged.linkHeader) headers.Link = paged.linkHeader;
    return httpIo.json200(
      {
        id: req.url.toString(),
        context: { id: context.id, label: context.label, title: context.title },
        members: paged.page.map((m) => NrpsFakeHandler.toMember(m, tool.privacyLevel)),
      },
      LTI_SPEC.mediaType.membershipContainer,
      headers,
    );
  }

  private static toMember(member: RosterMember, privacy: Parameters<typeof filterPersonalData>[1]): object {
    const { id, roles, status, locale: _locale, ...rest } = member;
    const personal = filterPersonalData(rest, privacy);
    return { status: status ?? 'Active', user_id: id, roles, ...personal };
  }

  /** NRPS lets `role` be the full URI or the short name of the context role. */
  private static roleMatches(memberRole: string, wanted: string): boolean {
    if (memberRole === wanted) return true;
    const short = memberRole.includes('#') ? memberRole.slice(memberRole.lastIndexOf('#') + 1) : memberRole;
    return short === wanted;
  }
}
