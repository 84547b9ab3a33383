import { createHash } from 'node:crypto';
import { canonicalJson } from '../shared/canonical-json';
import { parseIsoTimestamp } from '../shared/iso8601-timestamp';
import {
  XapiActivity,
  XapiActor,
  XapiContext,
  XapiObject,
  XapiResult,
  XapiStatement,
  XapiSubStatement,
} from './xapi-statement.types';

/**
 * SHA-256 of a statement's comparable content, used to tell "same id, same content" (a harmless retry: no-op)
 * from "same id, different content" (409 Conflict). Follows xAPI 1.0.3 Data §2.3.1 "Statement Comparison":
 * differences the immutability exceptions allow are ignored —
 * - id, stored, authority, version and attachments are left out (assigned or replaced by the LRS, or not part
 *   of the statement);
 * - verb display and activity definitions are left out (not part of the statement itself);
 * - timestamps compare as instants (ms), not strings; e-mail domains and hex/UUID case are case-insensitive;
 * - group members are an unordered list; a single context activity equals a list of one;
 * - durations compare as strings truncated to 0.01 s.
 * Hash the statement as received, before `prepareStatementForStorage` fills in id/timestamp/stored, so a retry
 * without a timestamp matches the original (which also had none).
 */
export function statementContentHash(statement: XapiStatement): string {
  return createHash('sha256').update(canonicalJson(comparableStatement(statement))).digest('hex');
}

function comparableStatement(s: XapiStatement | XapiSubStatement): Record<string, unknown> {
  return {
    objectType: 'objectType' in s ? s.objectType : undefined,
    actor: comparableActor(s.actor),
    verb: { id: s.verb.id },
    object: comparableObject(s.object),
    result: s.result && comparableResult(s.result),
    context: s.context && comparableContext(s.context),
    timestamp: s.timestamp && instant(s.timestamp),
  };
}

function comparableActor(actor: XapiActor): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...actor, objectType: actor.objectType ?? 'Agent' };
  if (actor.mbox) copy.mbox = lowerCaseDomain(actor.mbox);
  if (actor.mbox_sha1sum) copy.mbox_sha1sum = actor.mbox_sha1sum.toLowerCase();
  if ('member' in actor && actor.member) {
    copy.member = actor.member.map((m) => comparableActor(m)).sort((a, b) => compareJson(a, b));
  }
  return copy;
}

function comparableObject(object: XapiObject): Record<string, unknown> {
  const type = object.objectType ?? 'Activity';
  if (type === 'Activity') return comparableActivity(object as XapiActivity);
  if (type === 'StatementRef') return { objectType: type, id: (object as { id: string }).id.toLowerCase() };
  if (type === 'SubStatement') return comparableStatement(object as XapiSubStatement);
  return comparableActor(object as XapiActor);
}

function comparableActivity(activity: XapiActivity): Record<string, unknown> {
  return { objectType: 'Activity', id: activity.id };
}

function comparableResult(result: XapiResult): Record<string, unknown> {
  return { ...result, duration: result.duration?.replace(/(\d+)[.,](\d{0,2})\d*S$/, '$1.$2S') };
}

function comparableContext(context: XapiContext): Record<string, unknown> {
  const activities: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(context.contextActivities ?? {})) {
    activities[key] = (Array.isArray(value) ? value : [value]).map((a) => comparableActivity(a));
  }
  return {
    ...context,
    registration: context.registration?.toLowerCase(),
    instructor: context.instructor && comparableActor(context.instructor),
    team: context.team && comparableActor(context.team),
    contextActivities: context.contextActivities && activities,
    statement: context.statement && { objectType: 'StatementRef', id: context.statement.id.toLowerCase() },
  };
}

function instant(timestamp: string): string {
  const parsed = parseIsoTimestamp(timestamp, 'assume-utc');
  return parsed.ok ? parsed.date.toISOString() : timestamp;
}

/** The local part of an address may be case-sensitive; the domain is not (§2.4.2.3). */
function lowerCaseDomain(mbox: string): string {
  const at = mbox.lastIndexOf('@');
  return at < 0 ? mbox : mbox.slice(0, at) + mbox.slice(at).toLowerCase();
}

function compareJson(a: unknown, b: unknown): number {
  const [x, y] = [canonicalJson(a), canonicalJson(b)];
  return x < y ? -1 : x > y ? 1 : 0;
}
