import { createLocalJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { FakeLtiPlatform } from './fake-lti-platform';
import { PlatformKeyStore } from './platform-key.store';

/** Response bodies are asserted field by field, so they are read loosely typed. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const json = (res: Response): Promise<any> => res.json();

describe('PlatformKeyStore', () => {
  let keys: PlatformKeyStore;

  beforeEach(async () => {
    keys = await PlatformKeyStore.create();
  });

  it('publishes the current key with kid, alg and use, and no private parts', () => {
    const { keys: published } = keys.jwks();
    expect(published).toHaveLength(1);
    expect(published[0]).toMatchObject({ kty: 'RSA', kid: keys.currentKid, alg: 'RS256', use: 'sig' });
    expect(published[0].d).toBeUndefined();
  });

  it('signs tokens that verify against its JWKS', async () => {
    const jwt = await keys.sign({ sub: 'u1', iss: 'https://lms' });
    const { payload, protectedHeader } = await jwtVerify(jwt, createLocalJWKSet(keys.jwks()), { algorithms: ['RS256'] });
    expect(payload.sub).toBe('u1');
    expect(protectedHeader).toMatchObject({ alg: 'RS256', kid: keys.currentKid, typ: 'JWT' });
  });

  it('rotates: the new key signs, the old one stays published until withdrawn', async () => {
    const oldKid = keys.currentKid;
    const oldToken = await keys.sign({ sub: 'before' });
    const newKid = await keys.rotate();
    expect(newKid).not.toBe(oldKid);
    expect(keys.jwks().keys.map((k) => k.kid)).toEqual([oldKid, newKid]);
    await expect(jwtVerify(oldToken, createLocalJWKSet(keys.jwks()))).resolves.toBeDefined();
    keys.unpublish(oldKid);
    await expect(jwtVerify(oldToken, createLocalJWKSet(keys.jwks()))).rejects.toThrow(/no applicable key/);
  });

  it('rotate({ keepPrevious: false }) publishes only the new key', async () => {
    const kid = await keys.rotate({ keepPrevious: false });
    expect(keys.jwks().keys.map((k) => k.kid)).toEqual([kid]);
  });

  it('can sign without kid, with an unknown kid, with a foreign key, and with HS256', async () => {
    const jwks = createLocalJWKSet(keys.jwks());
    expect(decodeProtectedHeader(await keys.sign({}, { kid: null })).kid).toBeUndefined();
    const unknown = await keys.sign({}, { kid: 'nope' });
    await expect(jwtVerify(unknown, jwks)).rejects.toThrow(/no applicable key/);
    const foreign = await keys.sign({}, { key: 'foreign' });
    expect(decodeProtectedHeader(foreign).kid).toBe(keys.currentKid);
    await expect(jwtVerify(foreign, jwks)).rejects.toThrow(/signature verification failed/);
    const hs = await keys.sign({}, { alg: 'HS256' });
    expect(decodeProtectedHeader(hs).alg).toBe('HS256');
    await expect(jwtVerify(hs, jwks, { algorithms: ['RS256'] })).rejects.toThrow(/alg/);
  });
});

describe('GET /jwks', () => {
  let platform: FakeLtiPlatform;
  beforeAll(async () => {
    platform = await FakeLtiPlatform.start();
  });
  afterAll(() => platform.stop());

  it('serves the key set over HTTP and reflects rotation', async () => {
    const first = await json(await fetch(`${platform.baseUrl}/jwks`));
    expect(first.keys).toHaveLength(1);
    await platform.keys.rotate({ keepPrevious: false });
    const second = await json(await fetch(`${platform.baseUrl}/jwks`));
    expect(second.keys[0].kid).toBe(platform.keys.currentKid);
    expect(second.keys[0].kid).not.toBe(first.keys[0].kid);
    expect(platform.calls({ endpoint: 'jwks' })).toHaveLength(2);
  });
});
