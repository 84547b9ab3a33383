export const SUPPORTED_LOCALES = ['en', 'zh-CN'] as const;
export type Locale = (typeof SUPPORTED_LOCALES)[number];

/** Maps any BCP 47 tag or Accept-Language header to a supported locale ("zh", "zh-Hans-CN", "zh_CN" → zh-CN). */
export function resolveLocale(input: string | undefined | null, fallback: Locale = 'en'): Locale {
  if (!input) return fallback;
  const tags = input
    .split(',')
    .map((part) => {
      const [tag, q] = part.trim().split(';q=');
      return { tag: tag.toLowerCase().replace('_', '-'), q: q === undefined ? 1 : Number(q) };
    })
    .sort((a, b) => b.q - a.q);
  for (const { tag } of tags) {
    if (tag.startsWith('zh')) return 'zh-CN';
    if (tag.startsWith('en')) return 'en';
  }
  return fallback;
}
