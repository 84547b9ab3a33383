import type { NluLanguage } from './nlu.types';

const CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
const LATIN_WORD = /[a-z]{2,}/gi;

/**
 * Picks the language to understand a message in: the activity locale, unless the text itself says otherwise.
 * Chat clients report the UI locale, not the language typed: a learner with an English Teams client writing
 * "下周六有工作坊吗" must be read as Chinese, since the English model cannot read it at all, and one with a
 * Chinese client writing "any python workshop this weekend" reads better with the English model. So text with
 * CJK characters is Chinese and text of two or more Latin words without CJK is English; short, script-neutral
 * messages ("ok", "2", "12/12") follow the locale, and without a supported locale, English.
 */
export function resolveLanguage(text: string, locale?: string): NluLanguage {
  if (CJK.test(text)) return 'zh';
  if ((text.match(LATIN_WORD) ?? []).length >= 2) return 'en';
  return languageOfLocale(locale) ?? 'en';
}

/** "zh", "zh-CN", "zh_Hans_CN", "ZH-tw" → zh; "en-US" → en; anything else → undefined. */
export function languageOfLocale(locale: string | undefined): NluLanguage | undefined {
  const primary = locale?.trim().toLowerCase().split(/[-_]/)[0];
  return primary === 'zh' || primary === 'en' ? primary : undefined;
}
