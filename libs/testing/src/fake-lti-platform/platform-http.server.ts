import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { httpIo, type FakeRequest, type FakeResponse } from './http-io.util';
import type { CallRecorder } from './call.recorder';
import type { FailureInjector } from './failure.injector';
import type { EndpointName } from './fake-lti-platform.types';

export interface PlatformRoute {
  endpoint: EndpointName;
  /** Matched against the path only; named groups become `req.params`. */
  pattern: RegExp;
  handle: (req: FakeRequest) => FakeResponse | Promise<FakeResponse>;
}

/**
 * The fake's HTTP server: loopback only (127.0.0.1, ephemeral port), one place for routing, failure
 * injection and call recording so every endpoint behaves the same under injected faults.
 */
export class PlatformHttpServer {
  private readonly server = http.createServer((req, res) => void this.dispatch(req, res));
  private readonly hangs = new Set<NodeJS.Timeout>();
  private routes: PlatformRoute[] = [];
  private url = '';

  constructor(
    private readonly recorder: CallRecorder,
    private readonly failures: FailureInjector,
    private readonly now: () => Date,
  ) {}

  async listen(): Promise<string> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(0, '127.0.0.1', () => resolve());
    });
    const { port } = this.server.address() as AddressInfo;
    this.url = `http://127.0.0.1:${port}`;
    return this.url;
  }

  setRoutes(routes: PlatformRoute[]): void {
    this.routes = routes;
  }

  async close(): Promise<void> {
    for (const t of this.hangs) clearTimeout(t);
    this.hangs.clear();
    // Hung requests and keep-alive sockets would otherwise hold close() (and Jest) open.
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async dispatch(raw: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(raw.url ?? '/', this.url);
    let route: PlatformRoute | undefined;
    let params: Record<string, string> = {};
    for (const candidate of this.routes) {
      const match = candidate.pattern.exec(url.pathname);
      if (match) {
        route = candidate;
        params = Object.fromEntries(Object.entries(match.groups ?? {}).map(([k, v]) => [k, decodeURIComponent(v)]));
        break;
      }
    }
    let rawBody = '';
    try {
      rawBody = await httpIo.readBody(raw);
    } catch (err) {
      return this.finish(res, { status: 413, body: { error: (err as Error).message } });
    }
    const req: FakeRequest = { method: (raw.method ?? 'GET').toUpperCase(), url, headers: raw.headers, rawBody, params };
    const endpoint: EndpointName = route?.endpoint ?? 'unknown';
    const record = (status: number, responseBody: unknown, injected?: 'error' | 'rate-limit' | 'hang'): void => {
      this.recorder.record({
        at: this.now(),
        endpoint,
        method: req.method,
        url: url.toString(),
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        headers: { ...raw.headers },
        body: PlatformHttpServer.parseBody(req),
        status,
        responseBody,
        injected,
      });
    };

    const failure = route ? this.failures.take(endpoint) : undefined;
    if (failure?.kind === 'hang') {
      record(0, undefined, 'hang');
      const timer = setTimeout(() => {
        this.hangs.delete(timer);
        res.destroy();
      }, failure.ms ?? 30_000);
      this.hangs.add(timer);
      return;
    }
    let response: FakeResponse;
    if (failure?.kind === 'error') {
      response = httpIo.error(failure.status ?? 500, 'server_error', 'injected failure');
    } else if (failure?.kind === 'rate-limit') {
      const retryAfter = String(failure.retryAfterSeconds ?? 1);
      response = httpIo.error(429, 'rate_limited', 'injected rate limit', { 'Retry-After': retryAfter });
    } else if (!route) {
      response = httpIo.error(404, 'not_found', `no fake endpoint at ${url.pathname}`);
    } else {
      try {
        response = await route.handle(req);
      } catch (err) {
        response = httpIo.error(500, 'server_error', (err as Error).message);
      }
    }
    const injected = failure?.kind === 'error' ? 'error' : failure?.kind === 'rate-limit' ? 'rate-limit' : undefined;
    record(response.status, response.body, injected);
    this.finish(res, response);
  }

  private finish(res: ServerResponse, response: FakeResponse): void {
    const isText = typeof response.body === 'string';
    const payload = response.body === undefined ? '' : isText ? (response.body as string) : JSON.stringify(response.body);
    const headers: Record<string, string> = { ...response.headers };
    if (payload) headers['Content-Type'] = response.contentType ?? (isText ? 'text/plain; charset=utf-8' : 'application/json');
    headers['Content-Length'] = String(Buffer.byteLength(payload));
    res.writeHead(response.status, headers);
    res.end(payload);
  }

  private static parseBody(req: FakeRequest): unknown {
    if (!req.rawBody) return undefined;
    const type = httpIo.mediaType(req);
    if (type === 'application/x-www-form-urlencoded') return httpIo.form(req);
    return httpIo.json(req) ?? req.rawBody;
  }
}
