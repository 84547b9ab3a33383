const DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

/**
 * Parses the small numbers that appear in dates and list positions: Arabic digits or Chinese numerals up to
 * 99 ("十二", "二十一", "三十"). Returns undefined for anything else.
 */
export function parseChineseNumber(text: string): number | undefined {
  if (/^\d+$/.test(text)) return Number(text);
  if (text.length === 1 && text in DIGITS) return DIGITS[text];
  const ten = text.indexOf('十');
  if (ten < 0 || text.indexOf('十', ten + 1) >= 0) return undefined;
  const tensPart = text.slice(0, ten);
  const onesPart = text.slice(ten + 1);
  const tens = tensPart === '' ? 1 : tensPart.length === 1 ? DIGITS[tensPart] : undefined;
  const ones = onesPart === '' ? 0 : onesPart.length === 1 ? DIGITS[onesPart] : undefined;
  if (tens === undefined || ones === undefined || tens === 0) return undefined;
  return tens * 10 + ones;
}
