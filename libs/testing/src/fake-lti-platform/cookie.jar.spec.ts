import { CookieJar } from './cookie.jar';

const tool = new URL('http://127.0.0.1:4000/lti/launch');
const ctx = (crossSite: boolean, method = 'POST', url = tool) => ({ url, method, crossSite });

describe('CookieJar', () => {
  it('iframe: stores and sends only SameSite=None; Secure cookies (Secure is fine on loopback)', () => {
    const jar = new CookieJar('iframe', false);
    expect(jar.store('a=1; Path=/; SameSite=None; Secure', ctx(true)).cookie).toBeDefined();
    expect(jar.store('b=2; Path=/; SameSite=Lax', ctx(true)).blocked).toMatch(/cross-site iframe/);
    expect(jar.store('c=3; Path=/', ctx(true)).blocked).toMatch(/Lax \(default\)/);
    expect(jar.store('d=4; Path=/; SameSite=None', ctx(true)).blocked).toBe('SameSite=None requires Secure');
    expect(jar.header(ctx(true))).toBe('a=1');
  });

  it('iframe with third-party cookies blocked: nothing is stored', () => {
    const jar = new CookieJar('iframe', true);
    expect(jar.store('a=1; SameSite=None; Secure', ctx(true)).blocked).toBe('third-party cookies are blocked');
  });

  it('top-level: Lax cookies go with cross-site GET but not with cross-site POST', () => {
    const jar = new CookieJar('top-level', false);
    jar.store('lax=1; Path=/', ctx(true, 'GET'));
    jar.store('none=1; Path=/; SameSite=None; Secure', ctx(true, 'GET'));
    jar.store('strict=1; Path=/; SameSite=Strict', ctx(false, 'GET'));
    expect(jar.header(ctx(true, 'GET'))).toBe('lax=1; none=1');
    expect(jar.header(ctx(true, 'POST'))).toBe('none=1');
    expect(jar.header(ctx(false, 'POST'))).toBe('lax=1; none=1; strict=1');
  });

  it('honours Path, Max-Age deletion, Expires and host-only scoping', () => {
    let now = 1_000_000;
    const jar = new CookieJar('same-site', false, () => now);
    jar.store('p=1; Path=/lti', ctx(false));
    jar.store('short=1; Path=/; Max-Age=10', ctx(false));
    expect(jar.header(ctx(false, 'GET', new URL('http://127.0.0.1:4000/other')))).toBe('short=1');
    expect(jar.header(ctx(false))).toBe('p=1; short=1');
    now += 11_000;
    expect(jar.header(ctx(false))).toBe('p=1');
    jar.store('p=; Path=/lti; Max-Age=0', ctx(false));
    expect(jar.header(ctx(false))).toBe('');
    expect(jar.header(ctx(false, 'GET', new URL('http://localhost:4000/lti/launch')))).toBe('');
    expect(jar.store('x=1; Domain=example.com', ctx(false)).blocked).toMatch(/Domain/);
  });
});
