import type { ChatCommand } from '@o2o/plugin-sdk';
import type { Locale } from '@o2o/i18n';

/** Search filters as keys of the catalogue; dates as ISO strings so the state stays plain JSON. */
export interface SearchFilters {
  topic?: string;
  city?: string;
  courseId?: string;
  from?: string;
  to?: string;
  /** What the user called the period ("this weekend", "下周六"), to say it back. */
  dateText?: string;
}

/** An action that runs only after the user says yes. */
export type PendingAction =
  | { kind: 'book'; sessionId: string; waitlist: boolean }
  | { kind: 'cancel'; bookingId: string; sessionId: string }
  | { kind: 'unlink' };

/** The question the bot asked and the slot the next message should fill. */
export type Awaiting =
  | { slot: 'city'; search: SearchFilters }
  | { slot: 'session'; then: string }
  | { slot: 'booking' }
  | { slot: 'course' }
  | { slot: 'link_code' }
  | { slot: 'handoff_message' };

/**
 * Everything the bot remembers about one conversation between turns. Stored as JSON on `bot_conversation`,
 * so it must stay small and plain.
 */
export interface ConversationState {
  locale: Locale;
  /** The user asked for this language; otherwise the language follows what they write. */
  localeExplicit?: boolean;
  /** Session ids of the last list shown, in order ("the second one"). */
  list?: string[];
  /** Booking ids of the last "my bookings" list, in order. */
  bookings?: string[];
  /** The session the user is talking about (last details, last booked). */
  focus?: string;
  pending?: PendingAction;
  awaiting?: Awaiting;
  /** Labels of the last quick replies and what they mean, for channels that send the label back as text. */
  offered?: { label: string; command: ChatCommand }[];
  /** After linking, carry on with what the user wanted (e.g. booking). */
  afterLink?: ChatCommand;
}

export function initialState(locale: Locale): ConversationState {
  return { locale };
}
