import type { ConversationState } from '../state/conversation-state.types';
import type { Understanding } from './understanding.mapper';

export type SessionReference = { sessionId: string } | { ambiguous: true } | { none: true };

/**
 * Which session "it", "the second one" or a pressed button means: an explicit id, a position in the last list,
 * the session in focus, the only session shown — otherwise ambiguous (ask) or nothing to refer to.
 */
export function resolveSession(u: Understanding, state: ConversationState): SessionReference {
  if (u.sessionId) return { sessionId: u.sessionId };
  const list = state.list ?? [];
  if (u.ordinal !== undefined && list.length > 0) {
    const index = u.ordinal === -1 ? list.length - 1 : u.ordinal - 1;
    return index >= 0 && index < list.length ? { sessionId: list[index] } : { ambiguous: true };
  }
  if (state.focus) return { sessionId: state.focus };
  if (list.length === 1) return { sessionId: list[0] };
  return list.length > 1 ? { ambiguous: true } : { none: true };
}

/** The same for bookings of the last "my bookings" list. */
export function resolveBooking(u: Understanding, state: ConversationState): string | undefined {
  if (u.bookingId) return u.bookingId;
  const list = state.bookings ?? [];
  if (u.ordinal !== undefined && list.length > 0) {
    const index = u.ordinal === -1 ? list.length - 1 : u.ordinal - 1;
    return list[index];
  }
  return undefined;
}
