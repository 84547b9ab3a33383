import { childPath, ShapeChecker } from '../shared/shape-checker';

const ACTIVITY_KEYS = ['objectType', 'id', 'definition'];
const COMPONENT_LISTS = ['choices', 'scale', 'source', 'target', 'steps'] as const;
const DEFINITION_KEYS = [
  'name',
  'description',
  'type',
  'moreInfo',
  'extensions',
  'interactionType',
  'correctResponsesPattern',
  ...COMPONENT_LISTS,
];

/** xAPI §2.4.4.1 interaction types and the component lists each one supports. */
const LISTS_BY_INTERACTION: Record<string, readonly string[]> = {
  'true-false': [],
  choice: ['choices'],
  'fill-in': [],
  'long-fill-in': [],
  matching: ['source', 'target'],
  performance: ['steps'],
  sequencing: ['choices'],
  likert: ['scale'],
  numeric: [],
  other: [],
};

/** An Activity (statement object or context activity): id IRI, optional definition (xAPI 1.0.3 §2.4.4.1). */
export function validateXapiActivity(check: ShapeChecker, value: unknown, path: string): void {
  const activity = check.object(value, path, ACTIVITY_KEYS, 'Activity');
  if (!activity) return;
  if (activity.objectType !== undefined && activity.objectType !== 'Activity') {
    check.fail(childPath(path, 'objectType'), `must be "Activity", got ${JSON.stringify(activity.objectType)}`);
  }
  const id = check.required(activity, 'id', path);
  if (id !== undefined) check.iri(id, childPath(path, 'id'));
  if (activity.definition !== undefined) validateDefinition(check, activity.definition, childPath(path, 'definition'));
}

function validateDefinition(check: ShapeChecker, value: unknown, path: string): void {
  const def = check.object(value, path, DEFINITION_KEYS, 'Activity Definition');
  if (!def) return;
  if (def.name !== undefined) check.languageMap(def.name, childPath(path, 'name'));
  if (def.description !== undefined) check.languageMap(def.description, childPath(path, 'description'));
  if (def.type !== undefined) check.iri(def.type, childPath(path, 'type'));
  if (def.moreInfo !== undefined) check.iri(def.moreInfo, childPath(path, 'moreInfo'));
  if (def.extensions !== undefined) check.extensions(def.extensions, childPath(path, 'extensions'));

  let supportedLists: readonly string[] = [];
  if (def.interactionType !== undefined) {
    const typePath = childPath(path, 'interactionType');
    const interaction = check.string(def.interactionType, typePath);
    if (interaction !== undefined) {
      const lists = LISTS_BY_INTERACTION[interaction];
      if (lists) supportedLists = lists;
      else check.fail(typePath, `must be one of ${Object.keys(LISTS_BY_INTERACTION).join(', ')}`);
    }
  }
  if (def.correctResponsesPattern !== undefined) {
    const patternPath = childPath(path, 'correctResponsesPattern');
    if (def.interactionType === undefined) check.fail(patternPath, 'requires interactionType');
    check.array(def.correctResponsesPattern, patternPath)?.forEach((item, i) => check.string(item, childPath(patternPath, i)));
  }
  for (const list of COMPONENT_LISTS) {
    if (def[list] === undefined) continue;
    const listPath = childPath(path, list);
    if (!supportedLists.includes(list)) {
      check.fail(listPath, `is not supported for interactionType ${JSON.stringify(def.interactionType ?? null)}`);
    }
    validateComponents(check, def[list], listPath);
  }
}

function validateComponents(check: ShapeChecker, value: unknown, path: string): void {
  const items = check.array(value, path);
  if (!items) return;
  const seen = new Set<string>();
  items.forEach((item, i) => {
    const itemPath = childPath(path, i);
    const component = check.object(item, itemPath, ['id', 'description'], 'Interaction Component');
    if (!component) return;
    const id = check.required(component, 'id', itemPath);
    const text = id === undefined ? undefined : check.nonEmptyString(id, childPath(itemPath, 'id'));
    if (text !== undefined) {
      if (seen.has(text)) check.fail(childPath(itemPath, 'id'), `duplicates another component id (${JSON.stringify(text)})`);
      seen.add(text);
    }
    if (component.description !== undefined) check.languageMap(component.description, childPath(itemPath, 'description'));
  });
}
