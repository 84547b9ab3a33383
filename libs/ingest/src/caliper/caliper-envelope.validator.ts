import { IdentifierFormats } from '../shared/identifier-formats';
import { childPath, describeJsonType, isJsonObject, JsonObject, ShapeChecker } from '../shared/shape-checker';
import { ValidationIssue } from '../validation-issue';
import { CALIPER_V1P2_CONTEXT, CaliperEnvelope } from './caliper.types';

const ENVELOPE_KEYS = ['sensor', 'sendTime', 'dataVersion', 'data'];
const ENTITY_REF_KEYS = ['target', 'generated', 'edApp', 'referrer', 'group', 'membership', 'session', 'federatedSession'];
const EVENT_KEYS = ['@context', 'id', 'type', 'profile', 'actor', 'action', 'object', 'eventTime', 'extensions', ...ENTITY_REF_KEYS];

export interface CaliperValidationOptions {
  /**
   * Context IRIs accepted as `dataVersion` / `@context`. Caliper 1.2 only by default; a deployment that must
   * take Caliper 1.1 feeds can add `http://purl.imsglobal.org/ctx/caliper/v1p1` knowingly.
   */
  acceptedContexts?: readonly string[];
}

export interface CaliperEnvelopeValidation {
  ok: boolean;
  /** Present when `ok`. */
  envelope?: CaliperEnvelope;
  /** Each names its path, e.g. `data[2].eventTime`. */
  errors: ValidationIssue[];
}

/**
 * Validates an envelope per Caliper 1.2 §5.2 (no custom properties; sensor IRI; sendTime UTC; dataVersion;
 * non-empty data) and each event per §2.1 (id `urn:uuid:`, type, actor, action, object, eventTime UTC, custom
 * attributes only inside `extensions`). Entity describes in `data` need id (IRI) and type. All errors are
 * returned; whether one bad event rejects the envelope is the endpoint's decision.
 */
export function validateCaliperEnvelope(input: unknown, options: CaliperValidationOptions = {}): CaliperEnvelopeValidation {
  const contexts = options.acceptedContexts ?? [CALIPER_V1P2_CONTEXT];
  const check = new ShapeChecker();
  const envelope = isJsonObject(input)
    ? check.object(input, '', ENVELOPE_KEYS, 'Caliper Envelope')
    : check.fail('envelope', `must be a Caliper envelope object, got ${describeJsonType(input)}`);
  if (envelope) {
    for (const key of ENVELOPE_KEYS) check.required(envelope, key, '');
    if (envelope.sensor !== undefined) check.iri(envelope.sensor, 'sensor');
    if (envelope.sendTime !== undefined) check.timestamp(envelope.sendTime, 'sendTime', 'utc');
    if (envelope.dataVersion !== undefined && !contexts.includes(envelope.dataVersion as string)) {
      check.fail('dataVersion', `must be ${contexts.map((c) => JSON.stringify(c)).join(' or ')}, got ${JSON.stringify(envelope.dataVersion)}`);
    }
    if (envelope.data !== undefined) {
      const data = check.array(envelope.data, 'data');
      if (data?.length === 0) check.fail('data', 'must contain at least one event or entity');
      data?.forEach((item, i) => validateItem(check, item, `data[${i}]`, contexts));
    }
  }
  const ok = check.issues.length === 0;
  return { ok, envelope: ok ? (input as CaliperEnvelope) : undefined, errors: check.issues };
}

function validateItem(check: ShapeChecker, value: unknown, path: string, contexts: readonly string[]): void {
  const item = check.object(value, path);
  if (!item) return;
  validateContext(check, item['@context'], childPath(path, '@context'), contexts);
  const type = item.type;
  const isEvent = item.action !== undefined || (typeof type === 'string' && type.endsWith('Event'));
  if (isEvent) validateEvent(check, item, path);
  else validateEntity(check, item, path);
}

function validateContext(check: ShapeChecker, value: unknown, path: string, contexts: readonly string[]): void {
  if (value === undefined) {
    check.fail(path, 'is required (each item is a JSON-LD document)');
    return;
  }
  // A JSON-LD context may also be a list whose entries add vocabularies; the Caliper one must be among them.
  const listed = Array.isArray(value) ? value : [value];
  if (!listed.some((c) => typeof c === 'string' && contexts.includes(c))) {
    check.fail(path, `must be or include ${contexts.map((c) => JSON.stringify(c)).join(' or ')}`);
  }
}

function validateEvent(check: ShapeChecker, event: JsonObject, path: string): void {
  check.object(event, path, EVENT_KEYS, 'Caliper Event; custom attributes belong in extensions');
  for (const key of ['id', 'type', 'actor', 'action', 'object', 'eventTime']) check.required(event, key, path);
  if (typeof event.id === 'string' && !IdentifierFormats.isUrnUuid(event.id)) {
    check.fail(childPath(path, 'id'), `must be a UUID URN such as "urn:uuid:7e10e4f3-a0d8-4430-95bd-783ffae4d916", got ${JSON.stringify(event.id)}`);
  } else if (event.id !== undefined) check.string(event.id, childPath(path, 'id'));
  if (event.type !== undefined) check.nonEmptyString(event.type, childPath(path, 'type'));
  if (event.action !== undefined) check.nonEmptyString(event.action, childPath(path, 'action'));
  if (event.profile !== undefined) check.nonEmptyString(event.profile, childPath(path, 'profile'));
  if (event.eventTime !== undefined) check.timestamp(event.eventTime, childPath(path, 'eventTime'), 'utc');
  for (const key of ['actor', 'object', ...ENTITY_REF_KEYS]) {
    if (event[key] !== undefined) validateEntityRef(check, event[key], childPath(path, key));
  }
  if (event.extensions !== undefined) check.object(event.extensions, childPath(path, 'extensions'));
}

/** An entity as an IRI string or as an object with `id` (IRI) and `type` (§2.2). */
function validateEntityRef(check: ShapeChecker, value: unknown, path: string): void {
  if (typeof value === 'string') {
    check.iri(value, path);
    return;
  }
  const entity = check.object(value, path, undefined, 'Caliper Entity or IRI');
  if (entity) validateEntity(check, entity, path);
}

function validateEntity(check: ShapeChecker, entity: JsonObject, path: string): void {
  const id = check.required(entity, 'id', path);
  if (id !== undefined) check.iri(id, childPath(path, 'id'));
  const type = check.required(entity, 'type', path);
  if (type !== undefined) check.nonEmptyString(type, childPath(path, 'type'));
}
