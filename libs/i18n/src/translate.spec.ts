import { ERROR_MESSAGES } from './error-messages';
import { resolveLocale } from './locale';
import { translate } from './translate';

describe('i18n', () => {
  it('has every error text in both languages', () => {
    for (const [key, entry] of Object.entries(ERROR_MESSAGES)) {
      expect([key, entry.en.length > 0, entry['zh-CN'].length > 0]).toEqual([key, true, true]);
      const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect([key, names(entry['zh-CN'])]).toEqual([key, names(entry.en)]);
    }
  });

  it('fills placeholders', () => {
    expect(translate('zh-CN', 'SESSION_NOT_FOUND', { sessionId: 'x1' })).toBe('线下场次 x1 不存在');
    expect(translate('en', 'WAITLIST_FULL')).toBe('The session and its waitlist are full');
  });

  it.each([
    ['zh-CN,zh;q=0.9,en;q=0.8', 'zh-CN'],
    ['en-US,en;q=0.9', 'en'],
    ['fr-FR, zh;q=0.5', 'zh-CN'],
    ['zh_TW', 'zh-CN'],
    ['de', 'en'],
    [undefined, 'en'],
  ])('resolves %s to %s', (header, locale) => {
    expect(resolveLocale(header)).toBe(locale);
  });
});
