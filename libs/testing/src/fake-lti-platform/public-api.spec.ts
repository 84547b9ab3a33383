import * as testing from '@o2o/testing';

// Guards the barrel: e2e tests import the fake through the @o2o/testing alias only.
describe('@o2o/testing exports the fake LTI platform', () => {
  it('exposes the platform, drivers and catalogues', () => {
    expect(typeof testing.FakeLtiPlatform.start).toBe('function');
    expect(typeof testing.launch).toBe('function');
    expect(typeof testing.initiateLogin).toBe('function');
    expect(typeof testing.registrationInitiation).toBe('function');
    expect(typeof testing.LtiBrowser).toBe('function');
    expect(testing.KNOWN_BAD_LAUNCHES.length).toBeGreaterThan(20);
    expect(testing.VALID_LAUNCH_VARIATIONS.every((c) => c.expect === 'accept')).toBe(true);
    expect(testing.LTI_SPEC.claim.messageType).toBe('https://purl.imsglobal.org/spec/lti/claim/message_type');
  });

  it('gives every catalogue case a unique id', () => {
    const ids = [...testing.KNOWN_BAD_LAUNCHES, ...testing.VALID_LAUNCH_VARIATIONS].map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
