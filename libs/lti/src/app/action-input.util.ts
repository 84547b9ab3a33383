import type { LtiSession } from '../entities/lti-session.entity';
import { LtiRejection } from '../launch/lti-rejection.error';

/** A form field that must be a short string. */
export function field(body: Record<string, unknown>, name: string, max = 200): string {
  const value = body[name];
  if (typeof value !== 'string' || !value.trim() || value.length > max) {
    throw new LtiRejection('INVALID_INPUT', 400, { field: name, reason: 'required' });
  }
  return value.trim();
}

/** Roles a handler needs; learners' actions need none beyond a valid session. */
export function requireRole(session: LtiSession, ...roles: string[]): void {
  if (!roles.some((r) => session.roles.includes(r))) throw new LtiRejection('NOT_ALLOWED', 403, {}, `needs ${roles.join('|')}`);
}
