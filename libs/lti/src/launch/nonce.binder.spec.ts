import { NonceBinder } from './nonce.binder';

describe('NonceBinder', () => {
  const binding = { state: 's1', iss: 'https://lms.example', clientId: 'c1', targetLinkUri: 'https://tool/lti/launch', deploymentId: '1' };
  let now = 1_000_000;
  const binder = new NonceBinder('x'.repeat(32), () => now);

  it('accepts the nonce of its own login and reports the state flag', () => {
    const nonce = binder.issue({ ...binding, stateHasQuery: true });
    expect(binder.verify(nonce, binding)).toEqual({ ok: true, stateHasQuery: true, platformStorage: false });
  });

  it('reports a login that used platform storage, and the flag cannot be added afterwards', () => {
    const nonce = binder.issue({ ...binding, stateHasQuery: false, platformStorage: true });
    expect(binder.verify(nonce, binding)).toEqual({ ok: true, stateHasQuery: false, platformStorage: true });
    const plain = binder.issue({ ...binding, stateHasQuery: false }).split('.');
    expect(binder.verify([plain[0], plain[1], `${plain[2]}s`, plain[3]].join('.'), binding)).toEqual({ ok: false, reason: 'NONCE_MISMATCH' });
  });

  it.each([
    ['another state', { state: 's2' }],
    ['another issuer', { iss: 'https://evil.example' }],
    ['another client', { clientId: 'c2' }],
    ['a changed target_link_uri', { targetLinkUri: 'https://evil.example/launch' }],
    ['another deployment', { deploymentId: '2' }],
  ])('refuses %s', (_label, change) => {
    const nonce = binder.issue({ ...binding, stateHasQuery: false });
    expect(binder.verify(nonce, { ...binding, ...change })).toEqual({ ok: false, reason: 'NONCE_MISMATCH' });
  });

  it('refuses forged, truncated and random nonces', () => {
    const nonce = binder.issue({ ...binding, stateHasQuery: false });
    expect(binder.verify(nonce.slice(0, -2) + 'AA', binding).ok).toBe(false);
    expect(binder.verify('abc', binding).ok).toBe(false);
    expect(new NonceBinder('y'.repeat(32), () => now).verify(nonce, binding).ok).toBe(false);
  });

  it('expires after ten minutes', () => {
    const nonce = binder.issue({ ...binding, stateHasQuery: false });
    now += 10 * 60_000 + 1;
    expect(binder.verify(nonce, binding)).toEqual({ ok: false, reason: 'NONCE_EXPIRED' });
  });

  it('ignores the deployment when the login did not name one', () => {
    const nonce = binder.issue({ ...binding, deploymentId: '', stateHasQuery: false });
    expect(binder.verify(nonce, binding).ok).toBe(true);
  });

  it('draws 128 random bits per nonce', () => {
    const a = binder.issue({ ...binding, stateHasQuery: false });
    const b = binder.issue({ ...binding, stateHasQuery: false });
    expect(a.split('.')[0]).not.toBe(b.split('.')[0]);
    expect(Buffer.from(a.split('.')[0], 'base64url')).toHaveLength(16);
  });
});
