import { describeJsonType, ShapeChecker } from '../shared/shape-checker';
import { ValidationIssue } from '../validation-issue';
import { XapiStatement } from './xapi-statement.types';
import { validateXapiStatement } from './xapi-statement.validator';

export interface StatementBatchValidation {
  /** True when there are no errors; the caller stores all statements or, when false, none. */
  ok: boolean;
  /** The input as a list (a single statement becomes a list of one); typed only when `ok`. */
  statements: XapiStatement[];
  errors: ValidationIssue[];
}

/**
 * Validates a POST/PUT body: one statement or an array of them. Every error of every statement is reported,
 * each with its path (`statements[3].actor.mbox`, or `statement.actor.mbox` for a single statement), because
 * the endpoint rejects the whole batch when any statement is invalid.
 */
export function validateStatementBatch(input: unknown): StatementBatchValidation {
  const check = new ShapeChecker();
  let statements: unknown[];
  if (Array.isArray(input)) {
    statements = input;
    input.forEach((statement, i) => validateXapiStatement(check, statement, `statements[${i}]`));
    reportDuplicateIds(check, input);
  } else if (typeof input === 'object' && input !== null) {
    statements = [input];
    validateXapiStatement(check, input, 'statement');
  } else {
    statements = [];
    check.fail('statements', `must be a statement object or an array of statements, got ${describeJsonType(input)}`);
  }
  return { ok: check.issues.length === 0, statements: statements as XapiStatement[], errors: check.issues };
}

// xAPI Communication §2.1.2: a batch that contains the same id twice is rejected (one of them would be lost).
function reportDuplicateIds(check: ShapeChecker, statements: unknown[]): void {
  const firstIndex = new Map<string, number>();
  statements.forEach((statement, i) => {
    const id = (statement as { id?: unknown } | null)?.id;
    if (typeof id !== 'string') return;
    const key = id.toLowerCase();
    const first = firstIndex.get(key);
    if (first === undefined) firstIndex.set(key, i);
    else check.fail(`statements[${i}].id`, `duplicates the id of statements[${first}] in the same batch`);
  });
}
