import { fillTemplate, resolveLocale } from '@o2o/i18n';

/** The few words the Bot Framework plugin writes itself (plain-text rendering, HTTP errors), in both languages. */
export const CHANNEL_TEXTS = {
  replyWith: { en: 'Reply with: {choices}', 'zh-CN': '请回复:{choices}' },
  cardHint: { en: 'Reply with an action and a number, e.g. “{action} 1”.', 'zh-CN': '回复操作和序号即可,例如“{action} 1”。' },
  invalidActivity: { en: 'The activity is malformed', 'zh-CN': '活动(activity)格式不正确' },
  invalidJson: { en: 'The request body is not valid JSON', 'zh-CN': '请求正文不是有效的 JSON' },
  tooLarge: { en: 'The request body is larger than {max} bytes', 'zh-CN': '请求正文超过 {max} 字节' },
  unsupportedEncoding: { en: 'Content-Encoding "{encoding}" is not supported', 'zh-CN': '不支持 Content-Encoding“{encoding}”' },
  unauthorized: { en: 'A valid Bot Framework token is required', 'zh-CN': '需要有效的 Bot Framework 令牌' },
  keysUnavailable: { en: 'Bot Framework signing keys cannot be fetched right now; try again later', 'zh-CN': '暂时无法获取 Bot Framework 签名密钥,请稍后再试' },
  notConfigured: {
    en: 'The bot has no credentials: set MicrosoftAppId/MicrosoftAppPassword, or BOT_ALLOW_UNAUTHENTICATED=true for the Emulator',
    'zh-CN': '机器人未配置凭据:请设置 MicrosoftAppId/MicrosoftAppPassword,或为 Emulator 设置 BOT_ALLOW_UNAUTHENTICATED=true',
  },
  unknownTenant: { en: 'tenant: "{tenant}" is not a tenant slug or id', 'zh-CN': 'tenant:“{tenant}”不是有效的租户标识' },
  turnFailed: { en: 'Sorry, something went wrong. Please try again.', 'zh-CN': '抱歉,出了点问题,请稍后再试。' },
  field: {
    required: { en: '{field} is required', 'zh-CN': '{field} 为必填项' },
    type: { en: '{field} must be a JSON {expected}', 'zh-CN': '{field} 必须是 JSON {expected}' },
    tooLong: { en: '{field} is longer than {max} characters', 'zh-CN': '{field} 超过 {max} 个字符' },
    format: { en: '{field} is not valid', 'zh-CN': '{field} 格式不正确' },
  },
} as const;

export type ChannelLocale = 'en' | 'zh-CN';
type Entry = { en: string; 'zh-CN': string };

export function channelText(entry: Entry, locale: ChannelLocale, params: Record<string, unknown> = {}): string {
  return fillTemplate(entry[locale], params);
}

/** Same rule as the API: any `zh*` tag (also in an Accept-Language list) → zh-CN. */
export function channelLocale(tag: unknown): ChannelLocale {
  return resolveLocale(typeof tag === 'string' ? tag : undefined);
}
