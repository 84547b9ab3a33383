import { CALIPER_V1P2_CONTEXT, CaliperEnvelope, CaliperEvent } from '../caliper/caliper.types';

/** Test data modelled on the Caliper 1.2 specification's examples (example.edu, user 554433). */
export const SECTION = 'https://example.edu/terms/201801/courses/7/sections/1';
export const LEARNER = 'https://example.edu/users/554433';

export function caliperEvent(overrides: Partial<CaliperEvent> & Record<string, unknown> = {}): CaliperEvent {
  return {
    '@context': CALIPER_V1P2_CONTEXT,
    id: 'urn:uuid:ff9ec22a-fc59-4ae1-ae8d-2c9463ee2f8f',
    type: 'ViewEvent',
    actor: { id: LEARNER, type: 'Person' },
    action: 'Viewed',
    object: { id: 'https://example.edu/etexts/201.epub', type: 'Document', isPartOf: { id: SECTION, type: 'CourseSection' } },
    eventTime: '2018-11-15T10:15:00.000Z',
    edApp: 'https://example.edu/reader',
    ...overrides,
  } as CaliperEvent;
}

export function caliperEnvelope(data: unknown[] = [caliperEvent()]): CaliperEnvelope {
  return {
    sensor: 'https://example.edu/sensors/1',
    sendTime: '2018-11-15T11:05:01.000Z',
    dataVersion: CALIPER_V1P2_CONTEXT,
    data: data as CaliperEnvelope['data'],
  };
}
