import { IdentifierFormats } from '../shared/identifier-formats';
import { childPath, JsonObject, ShapeChecker } from '../shared/shape-checker';

const IFI_KEYS = ['mbox', 'mbox_sha1sum', 'openid', 'account'] as const;
const AGENT_KEYS = ['objectType', 'name', ...IFI_KEYS];
const GROUP_KEYS = [...AGENT_KEYS, 'member'];

export interface ActorRules {
  /** xAPI §2.4.4.2: an Agent or Group used as a statement's object MUST say which it is. */
  requireObjectType?: boolean;
  /** context.team MUST be a Group. */
  groupOnly?: boolean;
}

/** Agent or Group per xAPI 1.0.3 §2.4.2: exactly one inverse functional identifier, unless an anonymous Group. */
export function validateXapiActor(check: ShapeChecker, value: unknown, path: string, rules: ActorRules = {}): void {
  const obj = check.object(value, path);
  if (!obj) return;
  const objectType = obj.objectType;
  if (objectType === undefined && (rules.requireObjectType || rules.groupOnly)) {
    check.fail(childPath(path, 'objectType'), rules.groupOnly ? 'must be "Group"' : 'is required ("Agent" or "Group") when an agent is the object');
  } else if (objectType !== undefined && objectType !== 'Agent' && objectType !== 'Group') {
    check.fail(childPath(path, 'objectType'), `must be "Agent" or "Group", got ${JSON.stringify(objectType)}`);
    return;
  }
  if (rules.groupOnly && objectType === 'Agent') check.fail(childPath(path, 'objectType'), 'must be "Group"');
  if (objectType === 'Group') validateGroup(check, obj, path);
  else validateAgent(check, obj, path);
}

function validateAgent(check: ShapeChecker, obj: JsonObject, path: string): void {
  check.object(obj, path, AGENT_KEYS, 'Agent');
  if (obj.name !== undefined) check.string(obj.name, childPath(path, 'name'));
  const ifis = validateIdentifiers(check, obj, path);
  if (ifis.length !== 1) {
    check.fail(
      path,
      `an Agent must have exactly one inverse functional identifier (mbox, mbox_sha1sum, openid or account); found ${ifis.length === 0 ? 'none' : ifis.join(', ')}`,
    );
  }
}

function validateGroup(check: ShapeChecker, obj: JsonObject, path: string): void {
  check.object(obj, path, GROUP_KEYS, 'Group');
  if (obj.name !== undefined) check.string(obj.name, childPath(path, 'name'));
  const ifis = validateIdentifiers(check, obj, path);
  if (ifis.length > 1) {
    check.fail(path, `an identified Group must have exactly one inverse functional identifier; found ${ifis.join(', ')}`);
  }
  const memberPath = childPath(path, 'member');
  if (obj.member === undefined) {
    if (ifis.length === 0) check.fail(memberPath, 'is required for an anonymous Group (one without an identifier)');
    return;
  }
  const members = check.array(obj.member, memberPath);
  if (!members) return;
  if (members.length === 0 && ifis.length === 0) check.fail(memberPath, 'must list at least one Agent for an anonymous Group');
  members.forEach((member, i) => {
    const itemPath = childPath(memberPath, i);
    const memberObj = check.object(member, itemPath);
    if (!memberObj) return;
    if (memberObj.objectType === 'Group') {
      check.fail(childPath(itemPath, 'objectType'), 'a Group member must be an Agent, not a Group');
      return;
    }
    if (memberObj.objectType !== undefined && memberObj.objectType !== 'Agent') {
      check.fail(childPath(itemPath, 'objectType'), `must be "Agent", got ${JSON.stringify(memberObj.objectType)}`);
      return;
    }
    validateAgent(check, memberObj, itemPath);
  });
}

/** Checks each identifier present and returns the names of those present (valid or not). */
function validateIdentifiers(check: ShapeChecker, obj: JsonObject, path: string): string[] {
  const present = IFI_KEYS.filter((key) => obj[key] !== undefined);
  for (const key of present) {
    const keyPath = childPath(path, key);
    const value = obj[key];
    if (key === 'mbox') {
      const mbox = check.string(value, keyPath);
      if (mbox !== undefined && !IdentifierFormats.isMailtoIri(mbox)) {
        check.fail(keyPath, `must be a mailto IRI such as "mailto:learner@example.com", got ${JSON.stringify(mbox)}`);
      }
    } else if (key === 'mbox_sha1sum') {
      const sum = check.string(value, keyPath);
      if (sum !== undefined && !IdentifierFormats.isSha1Hex(sum)) {
        check.fail(keyPath, 'must be the 40-character hex SHA-1 of a mailto IRI');
      }
    } else if (key === 'openid') {
      check.iri(value, keyPath);
    } else {
      const account = check.object(value, keyPath, ['homePage', 'name'], 'Account');
      if (account) {
        const homePage = check.required(account, 'homePage', keyPath);
        if (homePage !== undefined) check.iri(homePage, childPath(keyPath, 'homePage'));
        const name = check.required(account, 'name', keyPath);
        if (name !== undefined) check.nonEmptyString(name, childPath(keyPath, 'name'));
      }
    }
  }
  return present;
}
