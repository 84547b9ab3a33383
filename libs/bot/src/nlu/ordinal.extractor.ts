import { parseChineseNumber } from './chinese-number.util';
import { foldWidth } from './text-width.util';

/**
 * Finds a reference to an item of the list the bot just showed: "the second one", "2nd", "number 3",
 * a bare "2", "the last one", "第二个", "第3场", "最后一个". `value` is 1-based; -1 means the last item.
 *
 * English ordinal words are everyday words too ("first time", "how long does it last"), so they count only
 * after "the", before a list noun ("second session"), or as the whole message.
 * The span covers "the … one" but not other nouns, so "book the second session" masks to
 * "book {ordinal} session" exactly like the corpora.
 */
export interface OrdinalMatch {
  value: number;
  text: string;
  start: number;
  end: number;
}

const EN_WORDS: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10, last: -1,
};
const EN_ORDINAL = /(?<![a-z0-9])(the\s+)?(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|(\d{1,2})(?:st|nd|rd|th))(\s+one)?(?![a-z0-9])/gi;
const LIST_NOUN = /^\s+(?:session|workshop|lab|class|event|option|booking|bootcamp|study group|item|choice|slot)s?(?![a-z])/i;
const EN_NUMBERED = /(?<![a-z0-9])(?:number|no\.|option|#)\s*(\d{1,2})(?![0-9])/gi;
const ZH_ORDINAL = /第(\d{1,2}|[一二三四五六七八九十两]{1,3})(个|场|项|期|节|条|门|堂|次课)?/g;
// "第二天" (the next day), "第一次" (the first time), "第三周" are not list positions.
const ZH_NOT_LIST = /^[天周年月次星日号名届]/;
const ZH_LAST = /最后(?:一|那)(?:个|场|项|期|节)/g;
const BARE_NUMBER = /^\s*(\d{1,2})\s*[.!。！]?\s*$/;

export function extractOrdinal(text: string): OrdinalMatch | undefined {
  const folded = foldWidth(text);
  const found: OrdinalMatch[] = [];
  const add = (value: number, start: number, end: number) => {
    if (value !== 0) found.push({ value, text: text.slice(start, end), start, end });
  };

  for (const m of folded.matchAll(EN_ORDINAL)) {
    const start = m.index;
    const end = start + m[0].length;
    const whole = folded.replace(/[\s.!?]+$/, '').trim().length === m[0].length;
    if (!m[1] && !m[4] && !LIST_NOUN.test(folded.slice(end)) && !whole) continue;
    add(m[3] ? Number(m[3]) : EN_WORDS[m[2].toLowerCase()], start, end);
  }
  for (const m of folded.matchAll(EN_NUMBERED)) add(Number(m[1]), m.index, m.index + m[0].length);
  for (const m of folded.matchAll(ZH_ORDINAL)) {
    const end = m.index + m[0].length;
    if (!m[2] && ZH_NOT_LIST.test(folded.slice(end))) continue;
    add(parseChineseNumber(m[1].replace('两', '二')) ?? 0, m.index, end);
  }
  for (const m of folded.matchAll(ZH_LAST)) add(-1, m.index, m.index + m[0].length);
  const bare = BARE_NUMBER.exec(folded);
  if (bare) add(Number(bare[1]), bare.index + bare[0].indexOf(bare[1]), bare.index + bare[0].indexOf(bare[1]) + bare[1].length);

  found.sort((a, b) => a.start - b.start);
  return found[0];
}
