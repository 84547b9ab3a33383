import { DIALOG_TEXTS } from './dialog-texts';
import { SESSION_TEXTS } from './session-texts';
import { say } from './say.util';

describe('bot texts', () => {
  const all = { ...DIALOG_TEXTS, ...SESSION_TEXTS };
  const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

  it('has every text in English and Chinese with the same placeholders', () => {
    for (const [key, entry] of Object.entries(all)) {
      expect([key, entry.en.trim().length > 0, entry['zh-CN'].trim().length > 0]).toEqual([key, true, true]);
      expect([key, names(entry['zh-CN'])]).toEqual([key, names(entry.en)]);
    }
  });

  it('keeps Chinese texts Chinese', () => {
    for (const [key, entry] of Object.entries(all)) {
      if (key === 'bot.intent.switch_language') continue;
      expect([key, /[\u4e00-\u9fff]/.test(entry['zh-CN'])]).toEqual([key, true]);
    }
  });

  it('fills placeholders and falls back to the core error catalogue', () => {
    expect(say('zh-CN', 'bot.book.waitlisted', { position: 3 })).toContain('第 3 位');
    expect(say('en', 'WAITLIST_FULL')).toBe('The session and its waitlist are full');
  });
});
