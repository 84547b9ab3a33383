import { caliperEnvelope, caliperEvent } from '../testing/caliper.fixtures';
import { validateCaliperEnvelope } from './caliper-envelope.validator';

describe('validateCaliperEnvelope', () => {
  it('accepts a 1.2 envelope with events (entities as objects or IRIs) and entity describes', () => {
    const envelope = caliperEnvelope([
      caliperEvent(),
      caliperEvent({ id: 'urn:uuid:c51570e4-f8ed-4c18-bb3a-dfe51b2cc594', actor: 'https://example.edu/users/554433', object: 'https://example.edu/x' }),
      { '@context': 'http://purl.imsglobal.org/ctx/caliper/v1p2', id: 'https://example.edu/users/554433', type: 'Person' },
      caliperEvent({ id: 'urn:uuid:7e10e4f3-a0d8-4430-95bd-783ffae4d916', '@context': ['http://purl.imsglobal.org/ctx/caliper/v1p2', 'https://example.edu/ctx'] }),
    ]);
    expect(validateCaliperEnvelope(envelope)).toEqual({ ok: true, envelope, errors: [] });
  });

  it.each<[string, Record<string, unknown>, string, string]>([
    ['sensor not an IRI', { sensor: 'sensor-1' }, 'sensor', 'absolute IRI'],
    ['sendTime with offset', { sendTime: '2018-11-15T11:05:01.000+01:00' }, 'sendTime', 'UTC'],
    ['Caliper 1.1 dataVersion', { dataVersion: 'http://purl.imsglobal.org/ctx/caliper/v1p1' }, 'dataVersion', 'v1p2'],
    ['empty data', { data: [] }, 'data', 'at least one'],
    ['data not an array', { data: {} }, 'data', 'must be an array'],
    ['custom envelope property', { extra: 1 }, 'extra', 'not a property of Caliper Envelope'],
    ['missing sensor', { sensor: undefined }, 'sensor', 'is required'],
  ])('rejects an envelope with %s', (_name, overrides, path, reason) => {
    const result = validateCaliperEnvelope({ ...caliperEnvelope(), ...overrides });
    expect(result.ok).toBe(false);
    expect(result.errors).toContainEqual({ path, reason: expect.stringContaining(reason) });
  });

  it.each<[string, Record<string, unknown>, string, string]>([
    ['id not a UUID URN', { id: 'ff9ec22a-fc59-4ae1-ae8d-2c9463ee2f8f' }, 'data[1].id', 'UUID URN'],
    ['no actor', { actor: undefined }, 'data[1].actor', 'is required'],
    ['actor without type', { actor: { id: 'https://example.edu/users/1' } }, 'data[1].actor.type', 'is required'],
    ['actor id not an IRI', { actor: 'user 1' }, 'data[1].actor', 'absolute IRI'],
    ['no action', { type: 'ViewEvent', action: undefined }, 'data[1].action', 'is required'],
    ['eventTime without zone', { eventTime: '2018-11-15T10:15:00' }, 'data[1].eventTime', 'UTC'],
    ['wrong @context', { '@context': 'http://purl.imsglobal.org/ctx/caliper/v1p1' }, 'data[1]["@context"]', 'v1p2'],
    ['custom attribute outside extensions', { score: 5 }, 'data[1].score', 'extensions'],
    ['group not an entity', { group: 7 }, 'data[1].group', 'must be an object'],
  ])('rejects an event with %s, naming data[i] path', (_name, overrides, path, reason) => {
    const result = validateCaliperEnvelope(caliperEnvelope([caliperEvent(), caliperEvent(overrides)]));
    expect(result.errors).toContainEqual({ path, reason: expect.stringContaining(reason) });
    expect(result.errors.every((e) => e.path.startsWith('data[1]'))).toBe(true);
  });

  it('can accept Caliper 1.1 when configured to', () => {
    const v1p1 = 'http://purl.imsglobal.org/ctx/caliper/v1p1';
    const envelope = { ...caliperEnvelope([caliperEvent({ '@context': v1p1 })]), dataVersion: v1p1 };
    expect(validateCaliperEnvelope(envelope, { acceptedContexts: [v1p1] }).ok).toBe(true);
  });

  it('refuses a non-object body', () => {
    expect(validateCaliperEnvelope([]).errors).toEqual([{ path: 'envelope', reason: 'must be a Caliper envelope object, got an array' }]);
  });
});
