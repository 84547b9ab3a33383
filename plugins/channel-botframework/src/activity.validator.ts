import type { Activity } from 'botbuilder';
import { CHANNEL_TEXTS, channelText, type ChannelLocale } from './channel-texts';

export interface ActivityFieldError {
  field: string;
  reason: 'required' | 'type' | 'tooLong' | 'format';
  message: string;
}

export type ActivityCheck = { ok: true; activity: Activity } | { ok: false; errors: ActivityFieldError[] };

const DELIVERY_MODES = ['normal', 'notification', 'expectReplies', 'ephemeral'];
const CHANNEL_ID = /^[A-Za-z0-9._-]{1,64}$/;
const LOCALE = /^[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8})*$/;
/** Generous bounds: Teams ids run to a few hundred characters; nothing legitimate comes near these. */
const MAX_ID = 1024;
const MAX_TEXT = 10_000;
const MAX_URL = 2048;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Checks an inbound activity before botbuilder sees it. botbuilder's own check only wants a `type` and its
 * `onTurnError` turns any later failure into 200, so shape errors must be caught here to answer 400 and write nothing.
 */
export function validateActivity(body: unknown, locale: ChannelLocale): ActivityCheck {
  const errors: ActivityFieldError[] = [];
  const fail = (field: string, reason: ActivityFieldError['reason'], params: Record<string, unknown> = {}) =>
    errors.push({ field, reason, message: channelText(CHANNEL_TEXTS.field[reason], locale, { field, ...params }) });
  if (!isObject(body)) {
    fail('body', 'type', { expected: 'object' });
    return { ok: false, errors };
  }
  const string = (field: string, value: unknown, max: number, required: boolean, pattern?: RegExp) => {
    if (value === undefined || value === null) {
      if (required) fail(field, 'required');
      return;
    }
    if (typeof value !== 'string') return void fail(field, 'type', { expected: 'string' });
    if (required && value.trim() === '') return void fail(field, 'required');
    if (value.length > max) return void fail(field, 'tooLong', { max });
    if (pattern && !pattern.test(value)) fail(field, 'format');
  };
  const account = (field: string, value: unknown, required: boolean) => {
    if (value === undefined || value === null) return void (required && fail(field, 'required'));
    if (!isObject(value)) return void fail(field, 'type', { expected: 'object' });
    string(`${field}.id`, value.id, MAX_ID, required);
    string(`${field}.name`, value.name, 256, false);
  };
  string('type', body.type, 64, true, /^[A-Za-z]+$/);
  string('id', body.id, MAX_ID, false);
  string('channelId', body.channelId, 64, true, CHANNEL_ID);
  string('serviceUrl', body.serviceUrl, MAX_URL, true);
  if (typeof body.serviceUrl === 'string' && !isHttpUrl(body.serviceUrl)) fail('serviceUrl', 'format');
  account('conversation', body.conversation, true);
  account('from', body.from, true);
  account('recipient', body.recipient, false);
  string('locale', body.locale, 35, false, LOCALE);
  string('text', body.text, MAX_TEXT, false);
  string('deliveryMode', body.deliveryMode, 32, false);
  if (typeof body.deliveryMode === 'string' && !DELIVERY_MODES.includes(body.deliveryMode)) fail('deliveryMode', 'format');
  for (const list of ['attachments', 'entities', 'membersAdded', 'membersRemoved'] as const) {
    const value = body[list];
    if (value === undefined || value === null) continue;
    if (!Array.isArray(value)) fail(list, 'type', { expected: 'array' });
    else if (value.length > 100) fail(list, 'tooLong', { max: 100 });
    else if (list.startsWith('members')) value.forEach((m, i) => account(`${list}[${i}]`, m, true));
  }
  if (body.channelData !== undefined && body.channelData !== null && !isObject(body.channelData)) fail('channelData', 'type', { expected: 'object' });
  if (isObject(body.value) && body.value.o2o !== undefined) {
    const command = body.value.o2o;
    if (!isObject(command)) fail('value.o2o', 'type', { expected: 'object' });
    else string('value.o2o.intent', command.intent, 64, true, /^[a-z_]+$/);
  }
  return errors.length ? { ok: false, errors } : { ok: true, activity: body as unknown as Activity };
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}
