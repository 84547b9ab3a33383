import type { Locale } from '@o2o/i18n';
import type { ChatCommand } from '@o2o/plugin-sdk';
import { INTENTS, type IntentName, type NluIntent, type NluResult } from '../nlu/nlu.types';

/** What the user meant this turn, from the NLU or from a pressed button, in one shape for every dialog. */
export interface Understanding {
  intent: NluIntent;
  /** For `none`: the intents worth offering as choices, best first. */
  alternatives: IntentName[];
  text: string;
  /** True when a button was pressed: the meaning is certain. */
  fromCommand: boolean;
  sessionId?: string;
  bookingId?: string;
  topic?: string;
  city?: string;
  courseId?: string;
  /** Other courses that matched about as well as `courseId` (ask which one). */
  courseAlternatives?: string[];
  dateRange?: { from: Date; to: Date; text: string };
  ordinal?: number;
  linkCode?: string;
  /** For `switch_language`: the language asked for, when named. */
  targetLocale?: Locale;
}

const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const INTENT_SET = new Set<string>(INTENTS);
// Language names a user may ask for; anything else toggles between the two supported languages.
const ASKS_FOR_CHINESE = /chinese|mandarin|中文|汉语|普通话|华语/i;
const ASKS_FOR_ENGLISH = /english|英文|英语/i;

export function fromNlu(result: NluResult): Understanding {
  const e = result.entities;
  const u: Understanding = {
    intent: result.intent,
    alternatives: result.alternatives.map((a) => a.intent),
    text: result.text,
    fromCommand: false,
  };
  if (e.topic) u.topic = e.topic.id;
  if (e.city) u.city = e.city.id;
  // "Python workshops" names the topic; a course matched only fuzzily on the same words is not a second filter.
  const courseIsTopic = e.course && e.topic && e.course.score < 1 && e.course.start < e.topic.end && e.topic.start < e.course.end;
  if (e.course && !courseIsTopic) {
    u.courseId = e.course.id;
    if (e.courseAlternatives?.length) u.courseAlternatives = e.courseAlternatives.map((c) => c.id);
  }
  if (e.dateRange) u.dateRange = { from: e.dateRange.from, to: e.dateRange.to, text: e.dateRange.text };
  if (e.ordinal !== undefined) u.ordinal = e.ordinal;
  if (e.linkCode) u.linkCode = e.linkCode;
  if (result.intent === 'switch_language') u.targetLocale = namedLanguage(result.text);
  return u;
}

/** A button's data comes from the outside world: anything not exactly the shape we send is ignored. */
export function fromCommand(command: ChatCommand): Understanding | undefined {
  if (!command || typeof command.intent !== 'string' || !INTENT_SET.has(command.intent)) return undefined;
  const u: Understanding = { intent: command.intent as IntentName, alternatives: [], text: '', fromCommand: true };
  if (typeof command.sessionId === 'string' && ID.test(command.sessionId)) u.sessionId = command.sessionId;
  if (typeof command.bookingId === 'string' && ID.test(command.bookingId)) u.bookingId = command.bookingId;
  if (typeof command.courseId === 'string' && ID.test(command.courseId)) u.courseId = command.courseId;
  if (typeof command.topic === 'string' && command.topic.length <= 100) u.topic = command.topic;
  if (typeof command.city === 'string' && command.city.length <= 100) u.city = command.city;
  if (command.locale === 'en' || command.locale === 'zh-CN') u.targetLocale = command.locale;
  return u;
}

function namedLanguage(text: string): Locale | undefined {
  if (ASKS_FOR_CHINESE.test(text)) return 'zh-CN';
  if (ASKS_FOR_ENGLISH.test(text)) return 'en';
  return undefined;
}
