import { createServer, request, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { deflateSync, gzipSync } from 'node:zlib';
import { readActivityBody } from './activity-body.reader';

/** Real HTTP: the reader works on the socket stream, as it does in front of the host's parsers. */
describe('readActivityBody', () => {
  let server: Server;
  let port: number;

  beforeAll(async () => {
    server = createServer(async (req, res) => res.end(JSON.stringify(await readActivityBody(req, res))));
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise((done) => server.close(done)));

  const post = (headers: Record<string, string>, chunks: Buffer[]) => new Promise<unknown>((done, fail) => {
    const req = request({ port, host: '127.0.0.1', method: 'POST', headers }, (res) => {
      let text = '';
      res.on('data', (c) => (text += c)).on('end', () => done(JSON.parse(text)));
    });
    req.on('error', fail);
    for (const c of chunks) req.write(c);
    req.end();
  });
  const json = { 'content-type': 'application/json; charset=utf-8' };

  it('parses JSON, plain or compressed', async () => {
    const body = Buffer.from(JSON.stringify({ type: 'message', text: '上海' }));
    expect(await post(json, [body])).toEqual({ ok: true, body: { type: 'message', text: '上海' } });
    expect(await post({ ...json, 'content-encoding': 'deflate' }, [deflateSync(body)])).toEqual({ ok: true, body: { type: 'message', text: '上海' } });
    expect(await post({ ...json, 'content-encoding': 'gzip' }, [gzipSync(body).subarray(0, 12)])).toMatchObject({ ok: false, status: 400 });
  });

  it('refuses bodies over the limit', async () => {
    const chunk = Buffer.alloc(1024 * 1024, 0x20);
    expect(await post(json, Array.from({ length: 6 }, () => chunk))).toMatchObject({ ok: false, status: 413, problem: 'tooLarge' });
  });

  it('leaves non-JSON bodies to the validator and refuses unknown encodings', async () => {
    expect(await post({ 'content-type': 'text/plain' }, [Buffer.from('{}')])).toEqual({ ok: true });
    expect(await post({ ...json, 'content-encoding': 'compress' }, [Buffer.from('{}')])).toMatchObject({ ok: false, status: 415 });
    expect(await post(json, [Buffer.from('{"type":')])).toMatchObject({ ok: false, status: 400, problem: 'invalidJson' });
  });
});
