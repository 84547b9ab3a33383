import { randomUUID } from 'node:crypto';
import { XapiActivity, XapiActor, XapiContext, XapiStatement } from './xapi-statement.types';

export interface StatementStorageFields {
  /** When the LRS stored it; becomes `stored`, and `timestamp` when the statement has none (§2.4.7). */
  stored: Date;
  /** Who asserted it (from the credentials); replaces any submitted authority, as an LRS SHOULD (§2.4.9). */
  authority?: XapiActor;
  /** Injected for deterministic tests; a random (v4) UUID by default. */
  generateId?: () => string;
}

/**
 * Returns the statement as the LRS keeps and serves it: an id (generated v4 UUID when absent, §2.4.1),
 * stored, timestamp, version "1.0.0" when absent (§2.4.10), and contextActivities as arrays (§2.4.6.2).
 * The input is not modified. Compute `statementContentHash` on the input, not on this result.
 */
export function prepareStatementForStorage(statement: XapiStatement, fields: StatementStorageFields): XapiStatement {
  const stored = fields.stored.toISOString();
  const prepared: XapiStatement = {
    ...statement,
    id: statement.id?.toLowerCase() ?? (fields.generateId ?? randomUUID)(),
    timestamp: statement.timestamp ?? stored,
    stored,
    version: statement.version ?? '1.0.0',
  };
  if (fields.authority) prepared.authority = fields.authority;
  if (statement.context?.contextActivities) prepared.context = withActivityArrays(statement.context);
  return prepared;
}

function withActivityArrays(context: XapiContext): XapiContext {
  const activities: Record<string, XapiActivity[]> = {};
  for (const [key, value] of Object.entries(context.contextActivities ?? {})) {
    if (value !== undefined) activities[key] = Array.isArray(value) ? value : [value];
  }
  return { ...context, contextActivities: activities };
}
