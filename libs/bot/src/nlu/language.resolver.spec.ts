import { languageOfLocale, resolveLanguage } from './language.resolver';

describe('resolveLanguage', () => {
  it.each([
    ['ok', 'zh-CN', 'zh'],
    ['ok', 'en-US', 'en'],
    ['ok', undefined, 'en'],
    ['ok', 'fr-FR', 'en'],
    ['2', 'zh-Hans', 'zh'],
    ['12/12', 'zh_CN', 'zh'],
    ['下周六有工作坊吗', 'en-US', 'zh'],
    ['下周六有工作坊吗', undefined, 'zh'],
    ['我的Python课', 'en-US', 'zh'],
    ['any python workshop this weekend', 'zh-CN', 'en'],
    ['book the second one', undefined, 'en'],
  ])('%s with locale %s → %s', (text, locale, expected) => {
    expect(resolveLanguage(text, locale)).toBe(expected);
  });

  it('reads the primary subtag of a locale', () => {
    expect(languageOfLocale('ZH-tw')).toBe('zh');
    expect(languageOfLocale('en')).toBe('en');
    expect(languageOfLocale('ja-JP')).toBeUndefined();
    expect(languageOfLocale(undefined)).toBeUndefined();
  });
});
