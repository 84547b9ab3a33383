import { LTI_SPEC } from './lti-spec.constants';
import { httpIo, type FakeRequest, type FakeResponse } from './http-io.util';
import { paginate } from './paging.util';
import { validateScore } from './ags-score.validator';
import type { AccessTokenStore } from './access-token.store';
import type { AgsStore, LineItemInput, StoredLineItem } from './ags.store';
import type { PlatformClock } from './platform.clock';
import type { PlatformRegistry } from './platform.registry';
import type { PlatformUrls } from './platform.urls';
import type { PlatformFlavour, RegisteredTool } from './fake-lti-platform.types';

const S = LTI_SPEC.scope;
const MT = LTI_SPEC.mediaType;

export interface AgsHandlerDeps {
  registry: PlatformRegistry;
  tokens: AccessTokenStore;
  store: AgsStore;
  urls: PlatformUrls;
  clock: PlatformClock;
  flavour: PlatformFlavour;
  pageSize: number;
}

/**
 * Assignment and Grade Services 2.0: line items container, line item, scores and results.
 * Scopes per AGS 2.0: reading line items takes `lineitem` or `lineitem.readonly`, changing them takes
 * `lineitem`, scores take `score`, results take `result.readonly`.
 */
export class AgsFakeHandler {
  constructor(private readonly deps: AgsHandlerDeps) {}

  lineItems(req: FakeRequest): FakeResponse {
    const guard = this.guard(req, req.method === 'GET' ? [S.agsLineItem, S.agsLineItemReadonly] : [S.agsLineItem]);
    if ('response' in guard) return guard.response;
    const { tool, contextId } = guard;
    if (req.method === 'GET') {
      if (!httpIo.accepts(req, MT.lineItemContainer)) return httpIo.error(406, 'not_acceptable', MT.lineItemContainer);
      const q = req.url.searchParams;
      const items = this.visible(contextId, tool).filter(
        (i) =>
          (!q.get('resource_link_id') || i.resourceLinkId === q.get('resource_link_id')) &&
          (!q.get('resource_id') || i.resourceId === q.get('resource_id')) &&
          (!q.get('tag') || i.tag === q.get('tag')),
      );
      const paged = paginate(items, req.url, this.deps.pageSize);
      if (paged.error) return httpIo.error(400, 'invalid_request', paged.error);
      const body = paged.page.map((i) => this.present(i, tool));
      return httpIo.json200(body, MT.lineItemContainer, paged.linkHeader ? { Link: paged.linkHeader } : {});
    }
    if (req.method !== 'POST') return httpIo.error(405, 'method_not_allowed', 'GET or POST');
    const parsed = this.parseLineItem(req);
    if ('response' in parsed) return parsed.response;
    const created = this.deps.store.addLineItem(contextId, { ...parsed.input, clientId: tool.clientId });
    return { status: 201, body: this.present(created, tool), contentType: MT.lineItem };
  }

  lineItem(req: FakeRequest): FakeResponse {
    const guard = this.guard(req, req.method === 'GET' ? [S.agsLineItem, S.agsLineItemReadonly] : [S.agsLineItem]);
    if ('response' in guard) return guard.response;
    const { tool, contextId, item } = guard;
    if (!item) return httpIo.error(404, 'not_found', `no line item ${req.params.lineItemId}`);
    if (req.method === 'GET') {
      if (!httpIo.accepts(req, MT.lineItem)) return httpIo.error(406, 'not_acceptable', MT.lineItem);
      return httpIo.json200(this.present(item, tool), MT.lineItem);
    }
    if (req.method === 'DELETE') {
      this.deps.store.deleteLineItem(contextId, item.id);
      return { status: 204 };
    }
    if (req.method !== 'PUT') return httpIo.error(405, 'method_not_allowed', 'GET, PUT or DELETE');
    const parsed = this.parseLineItem(req);
    if ('response' in parsed) return parsed.response;
    const updated = this.deps.store.updateLineItem(contextId, item.id, parsed.input)!;
    return httpIo.json200(this.present(updated, tool), MT.lineItem);
  }

  scores(req: FakeRequest): FakeResponse {
    const guard = this.guard(req, [S.agsScore]);
    if ('response' in guard) return guard.response;
    const { tool, contextId, item } = guard;
    if (req.method !== 'POST') return httpIo.error(405, 'method_not_allowed', 'POST');
    if (!item) return httpIo.error(404, 'not_found', `no line item ${req.params.lineItemId}`);
    if (httpIo.mediaType(req) !== MT.score) return httpIo.error(415, 'unsupported_media_type', `Content-Type must be ${MT.score}`);
    const validation = validateScore(httpIo.json(req));
    if (!validation.ok) return httpIo.error(400, 'invalid_score', validation.errors.join('; '));
    if (!this.deps.registry.member(contextId, validation.score.userId)) {
      // Canvas answers 422 for a user outside the course, Moodle a plain 400.
      const status = this.deps.flavour === 'canvas' ? 422 : 400;
      return httpIo.error(status, 'unknown_user', `user ${validation.score.userId} is not a member of ${contextId}`);
    }
    this.deps.store.receiveScore(item, validation.score, validation.timestampMs, this.deps.clock.date(), validation.warnings);
    if (this.deps.flavour === 'canvas') {
      const resultUrl = this.deps.urls.lineItem(contextId, item.id, tool, `/results/${encodeURIComponent(validation.score.userId)}`);
      return httpIo.json200({ resultUrl });
    }
    return { status: 204 };
  }

  results(req: FakeRequest): FakeResponse {
    const guard = this.guard(req, [S.agsResultReadonly]);
    if ('response' in guard) return guard.response;
    const { tool, contextId, item } = guard;
    if (req.method !== 'GET') return httpIo.error(405, 'method_not_allowed', 'GET');
    if (!item) return httpIo.error(404, 'not_found', `no line item ${req.params.lineItemId}`);
    if (!httpIo.accepts(req, MT.resultContainer)) return httpIo.error(406, 'not_acceptable', MT.resultContainer);
    const userId = req.url.searchParams.get('user_id') ?? undefined;
    const results = this.deps.store.results(item.id, userId);
    const paged = paginate(results, req.url, this.deps.pageSize);
    if (paged.error) return httpIo.error(400, 'invalid_request', paged.error);
    const lineItemUrl = this.deps.urls.lineItem(contextId, item.id, tool);
    const body = paged.page.map((r) => ({
      id: this.deps.urls.lineItem(contextId, item.id, tool, `/results/${encodeURIComponent(r.userId)}`),
      scoreOf: lineItemUrl,
      userId: r.userId,
      resultScore: r.resultScore,
      resultMaximum: r.resultMaximum,
      comment: r.comment,
    }));
    return httpIo.json200(body, MT.resultContainer, paged.linkHeader ? { Link: paged.linkHeader } : {});
  }

  private guard(
    req: FakeRequest,
    scopes: string[],
  ): { response: FakeResponse } | { tool: RegisteredTool; contextId: string; item?: StoredLineItem } {
    const auth = this.deps.tokens.check(req, scopes);
    if (!auth.ok) return { response: auth.response };
    const tool = this.deps.registry.requireTool(auth.token.clientId);
    const contextId = req.params.contextId;
    if (!this.deps.registry.context(contextId)) return { response: httpIo.error(404, 'not_found', `unknown context ${contextId}`) };
    const expectedTypeId = this.deps.urls.typeIdQuery(tool);
    if (expectedTypeId && req.url.searchParams.get('type_id') !== expectedTypeId) {
      // Moodle resolves the tool from type_id; without it the service cannot find the tool.
      return { response: httpIo.error(400, 'invalid_request', `type_id=${expectedTypeId} query parameter is required`) };
    }
    const id = req.params.lineItemId;
    const item = id ? this.deps.store.lineItem(contextId, id) : undefined;
    if (item?.clientId && item.clientId !== tool.clientId) return { tool, contextId };
    return { tool, contextId, item };
  }

  /** A tool sees the line items it created plus those the platform created for it or for everyone. */
  private visible(contextId: string, tool: RegisteredTool): StoredLineItem[] {
    return this.deps.store.lineItems(contextId).filter((i) => !i.clientId || i.clientId === tool.clientId);
  }

  private parseLineItem(req: FakeRequest): { input: LineItemInput } | { response: FakeResponse } {
    const type = httpIo.mediaType(req);
    if (type !== MT.lineItem) {
      return { response: httpIo.error(415, 'unsupported_media_type', `Content-Type must be ${MT.lineItem}`) };
    }
    const body = httpIo.json(req) as Record<string, unknown> | undefined;
    const errors: string[] = [];
    if (!body || typeof body !== 'object') errors.push('body must be a JSON object');
    else {
      if (typeof body.label !== 'string' || !body.label.trim()) errors.push('label is required');
      if (typeof body.scoreMaximum !== 'number' || !(body.scoreMaximum > 0)) errors.push('scoreMaximum must be a number > 0');
      for (const f of ['resourceLinkId', 'resourceId', 'tag', 'startDateTime', 'endDateTime'] as const) {
        if (body[f] !== undefined && typeof body[f] !== 'string') errors.push(`${f} must be a string`);
      }
    }
    if (errors.length) return { response: httpIo.error(400, 'invalid_lineitem', errors.join('; ')) };
    const { id: _ignoredId, ...input } = body as Record<string, unknown>;
    return { input: input as unknown as LineItemInput };
  }

  private present(item: StoredLineItem, tool: RegisteredTool): object {
    const { id, contextId, clientId: _owner, ...fields } = item;
    return { id: this.deps.urls.lineItem(contextId, id, tool), ...fields };
  }
}
