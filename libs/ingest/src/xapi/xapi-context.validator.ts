import { IdentifierFormats } from '../shared/identifier-formats';
import { childPath, ShapeChecker } from '../shared/shape-checker';
import { validateXapiActivity } from './xapi-activity.validator';
import { validateXapiActor } from './xapi-actor.validator';
import { validateXapiStatementRef } from './xapi-statement-ref.validator';

const CONTEXT_KEYS = [
  'registration',
  'instructor',
  'team',
  'contextActivities',
  'revision',
  'platform',
  'language',
  'statement',
  'extensions',
];
const CONTEXT_ACTIVITY_KEYS = ['parent', 'grouping', 'category', 'other'];

/** Context per xAPI 1.0.3 §2.4.6. `objectIsActivity` because revision/platform only make sense for activities. */
export function validateXapiContext(check: ShapeChecker, value: unknown, path: string, objectIsActivity: boolean): void {
  const context = check.object(value, path, CONTEXT_KEYS, 'Context');
  if (!context) return;
  if (context.registration !== undefined) check.uuid(context.registration, childPath(path, 'registration'));
  if (context.instructor !== undefined) validateXapiActor(check, context.instructor, childPath(path, 'instructor'));
  if (context.team !== undefined) validateXapiActor(check, context.team, childPath(path, 'team'), { groupOnly: true });
  if (context.contextActivities !== undefined) {
    validateContextActivities(check, context.contextActivities, childPath(path, 'contextActivities'));
  }
  for (const key of ['revision', 'platform'] as const) {
    if (context[key] === undefined) continue;
    check.string(context[key], childPath(path, key));
    if (!objectIsActivity) check.fail(childPath(path, key), 'may only be used when the statement object is an Activity');
  }
  if (context.language !== undefined) {
    const language = check.string(context.language, childPath(path, 'language'));
    if (language !== undefined && !IdentifierFormats.isLanguageTag(language)) {
      check.fail(childPath(path, 'language'), `must be an RFC 5646 language tag, got ${JSON.stringify(language)}`);
    }
  }
  if (context.statement !== undefined) validateXapiStatementRef(check, context.statement, childPath(path, 'statement'));
  if (context.extensions !== undefined) check.extensions(context.extensions, childPath(path, 'extensions'));
}

function validateContextActivities(check: ShapeChecker, value: unknown, path: string): void {
  const map = check.object(value, path, CONTEXT_ACTIVITY_KEYS, 'contextActivities');
  if (!map) return;
  for (const [key, entry] of Object.entries(map)) {
    if (!CONTEXT_ACTIVITY_KEYS.includes(key)) continue;
    const entryPath = childPath(path, key);
    // A single Activity is accepted for 0.95 compatibility (§2.4.6.2).
    if (Array.isArray(entry)) entry.forEach((activity, i) => validateXapiActivity(check, activity, childPath(entryPath, i)));
    else validateXapiActivity(check, entry, entryPath);
  }
}
