import { childPath, JsonObject, ShapeChecker } from '../shared/shape-checker';
import { validateXapiActivity } from './xapi-activity.validator';
import { validateXapiActor } from './xapi-actor.validator';
import { validateXapiContext } from './xapi-context.validator';
import { validateXapiResult } from './xapi-result.validator';
import { validateXapiStatementRef } from './xapi-statement-ref.validator';

const STATEMENT_KEYS = ['id', 'actor', 'verb', 'object', 'result', 'context', 'timestamp', 'stored', 'authority', 'version', 'attachments'];
// §2.4.4.3: a SubStatement MUST NOT have id, stored, version or authority.
const SUBSTATEMENT_KEYS = ['objectType', 'actor', 'verb', 'object', 'result', 'context', 'timestamp', 'attachments'];
const ATTACHMENT_KEYS = ['usageType', 'display', 'description', 'contentType', 'length', 'sha2', 'fileUrl'];
export const VOIDED_VERB = 'http://adlnet.gov/expapi/verbs/voided';
// §2.4.10: accept every 1.0.x, reject anything else.
const VERSION = /^1\.0\.\d+$/;

/** Validates one statement (or SubStatement) against the xAPI 1.0.3 Data rules an LRS enforces. */
export function validateXapiStatement(check: ShapeChecker, value: unknown, path: string, isSubStatement = false): void {
  const kind = isSubStatement ? 'SubStatement' : 'Statement';
  const statement = check.object(value, path, isSubStatement ? SUBSTATEMENT_KEYS : STATEMENT_KEYS, kind);
  if (!statement) return;
  if (!isSubStatement && statement.id !== undefined) check.uuid(statement.id, childPath(path, 'id'));

  const actor = check.required(statement, 'actor', path);
  if (actor !== undefined) validateXapiActor(check, actor, childPath(path, 'actor'));
  const verbId = validateVerb(check, statement, path);
  const object = check.required(statement, 'object', path);
  const objectType = object === undefined ? undefined : validateObject(check, object, childPath(path, 'object'), isSubStatement);
  if (verbId === VOIDED_VERB && objectType !== undefined && objectType !== 'StatementRef') {
    check.fail(childPath(childPath(path, 'object'), 'objectType'), 'a voiding statement must have a StatementRef object');
  }

  if (statement.result !== undefined) validateXapiResult(check, statement.result, childPath(path, 'result'));
  if (statement.context !== undefined) {
    validateXapiContext(check, statement.context, childPath(path, 'context'), objectType === 'Activity');
  }
  if (statement.timestamp !== undefined) check.timestamp(statement.timestamp, childPath(path, 'timestamp'), 'required');
  if (statement.stored !== undefined) check.timestamp(statement.stored, childPath(path, 'stored'), 'required');
  if (statement.authority !== undefined) validateXapiActor(check, statement.authority, childPath(path, 'authority'));
  if (statement.version !== undefined) {
    const version = check.string(statement.version, childPath(path, 'version'));
    if (version !== undefined && !VERSION.test(version)) {
      check.fail(childPath(path, 'version'), `must be a 1.0.x version such as "1.0.0", got ${JSON.stringify(version)}`);
    }
  }
  if (statement.attachments !== undefined) validateAttachments(check, statement.attachments, childPath(path, 'attachments'));
}

function validateVerb(check: ShapeChecker, statement: JsonObject, path: string): string | undefined {
  const value = check.required(statement, 'verb', path);
  if (value === undefined) return undefined;
  const verbPath = childPath(path, 'verb');
  const verb = check.object(value, verbPath, ['id', 'display'], 'Verb');
  if (!verb) return undefined;
  const id = check.required(verb, 'id', verbPath);
  const iri = id === undefined ? undefined : check.iri(id, childPath(verbPath, 'id'));
  if (verb.display !== undefined) check.languageMap(verb.display, childPath(verbPath, 'display'));
  return iri;
}

/** Returns the effective objectType when it is a known one, so context rules can depend on it. */
function validateObject(check: ShapeChecker, value: unknown, path: string, insideSubStatement: boolean): string | undefined {
  const object = check.object(value, path);
  if (!object) return undefined;
  const objectType = object.objectType ?? 'Activity';
  if (typeof objectType !== 'string') {
    return check.fail(childPath(path, 'objectType'), `must be a string, got ${JSON.stringify(objectType)}`);
  }
  switch (objectType) {
    case 'Activity':
      validateXapiActivity(check, object, path);
      return objectType;
    case 'Agent':
    case 'Group':
      validateXapiActor(check, object, path, { requireObjectType: true });
      return objectType;
    case 'StatementRef':
      validateXapiStatementRef(check, object, path);
      return objectType;
    case 'SubStatement':
      if (insideSubStatement) {
        check.fail(childPath(path, 'objectType'), 'a SubStatement must not contain another SubStatement');
        return undefined;
      }
      validateXapiStatement(check, object, path, true);
      return objectType;
    default:
      check.fail(
        childPath(path, 'objectType'),
        `must be one of Activity, Agent, Group, StatementRef, SubStatement; got ${JSON.stringify(objectType)}`,
      );
      return undefined;
  }
}

function validateAttachments(check: ShapeChecker, value: unknown, path: string): void {
  check.array(value, path)?.forEach((item, i) => {
    const itemPath = childPath(path, i);
    const attachment = check.object(item, itemPath, ATTACHMENT_KEYS, 'Attachment');
    if (!attachment) return;
    for (const key of ['usageType', 'display', 'contentType', 'length', 'sha2']) check.required(attachment, key, itemPath);
    if (attachment.usageType !== undefined) check.iri(attachment.usageType, childPath(itemPath, 'usageType'));
    if (attachment.display !== undefined) check.languageMap(attachment.display, childPath(itemPath, 'display'));
    if (attachment.description !== undefined) check.languageMap(attachment.description, childPath(itemPath, 'description'));
    if (attachment.contentType !== undefined) check.nonEmptyString(attachment.contentType, childPath(itemPath, 'contentType'));
    if (attachment.length !== undefined) {
      const length = check.number(attachment.length, childPath(itemPath, 'length'));
      if (length !== undefined && (!Number.isInteger(length) || length < 0)) {
        check.fail(childPath(itemPath, 'length'), 'must be a non-negative integer');
      }
    }
    if (attachment.sha2 !== undefined) check.nonEmptyString(attachment.sha2, childPath(itemPath, 'sha2'));
    if (attachment.fileUrl !== undefined) check.iri(attachment.fileUrl, childPath(itemPath, 'fileUrl'));
  });
}
