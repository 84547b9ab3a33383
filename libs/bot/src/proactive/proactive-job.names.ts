/** Job names of the bot (one handler each, registered by the proactive module). */
export const REMINDER_JOB = 'bot.reminder';
export const SEAT_NOTICE_JOB = 'bot.seat-notice';
export const PLAN_FANOUT_JOB = 'bot.plan-fanout';
export const PLAN_SUGGESTION_JOB = 'bot.plan-suggestion';
export const HANDOFF_DELIVER_JOB = 'bot.handoff-deliver';
export const HANDOFF_ANSWER_JOB = 'bot.handoff-answer';

/** Reminder offsets before a session's start. */
export const REMINDER_OFFSETS = { '24h': 24 * 3_600_000, '2h': 2 * 3_600_000 } as const;
export type ReminderOffset = keyof typeof REMINDER_OFFSETS;
