import { childPath, ShapeChecker } from '../shared/shape-checker';

/** Statement Reference (§2.4.4.3): objectType "StatementRef" and the UUID of another statement. */
export function validateXapiStatementRef(check: ShapeChecker, value: unknown, path: string): void {
  const ref = check.object(value, path, ['objectType', 'id'], 'StatementRef');
  if (!ref) return;
  if (ref.objectType !== 'StatementRef') {
    check.fail(childPath(path, 'objectType'), `must be "StatementRef", got ${JSON.stringify(ref.objectType ?? null)}`);
  }
  const id = check.required(ref, 'id', path);
  if (id !== undefined) check.uuid(id, childPath(path, 'id'));
}
