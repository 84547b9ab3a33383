import { LearnerRef } from '../normalized-learning-event';
import { scrubEmails } from '../shared/email-scrubber';
import { IdentifierFormats } from '../shared/identifier-formats';

export const CALIPER_PSEUDONYM_PREFIX = 'urn:o2o-bridge:pseudonym:';
const ANONYMOUS_PERSON = 'http://purl.imsglobal.org/caliper/Person';
/** Properties whose string value (an IRI reference) names a person in the Caliper 1.2 vocabulary. */
const PERSON_REFERENCES = new Set(['actor', 'assignee', 'member', 'scoredBy', 'creators']);

/**
 * An unsupported Caliper event as it may be stored raw: every Person entity becomes `{ id: urn:…:<pseudonym>,
 * type: 'Person' }` (names, e-mails and the platform's user IRI dropped), person references given as bare IRIs
 * likewise, and remaining e-mail addresses in free text are removed. The learner ref rule is the normalizer's:
 * issuer = http(s) origin of the person id, else the sensor. Returns JSON text.
 */
export function pseudonymizeCaliperItem(item: unknown, sensor: string, pseudonymOf: (ref: LearnerRef) => string): string {
  const pseudonym = (id: string) =>
    id === ANONYMOUS_PERSON ? id : CALIPER_PSEUDONYM_PREFIX + pseudonymOf({ issuer: IdentifierFormats.httpOrigin(id) ?? sensor, subject: id });
  const walk = (value: unknown, key: string | null): unknown => {
    if (typeof value === 'string') return key !== null && PERSON_REFERENCES.has(key) ? pseudonym(value) : value;
    if (Array.isArray(value)) return value.map((v) => walk(v, key));
    if (typeof value !== 'object' || value === null) return value;
    const entity = value as Record<string, unknown>;
    if (entity.type === 'Person' && typeof entity.id === 'string') return { id: pseudonym(entity.id), type: 'Person' };
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(entity)) out[k] = walk(v, k);
    return out;
  };
  return scrubEmails(JSON.stringify(walk(item, null)));
}
