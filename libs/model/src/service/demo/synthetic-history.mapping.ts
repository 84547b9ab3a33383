/**
 * How a generated world (German cities, its own topics) is written into a tenant. The demo tenant is a Chinese
 * academy, so the demo maps cities and topics onto its own; tests keep the world's names. Formats are always
 * mapped onto core's session formats.
 */
export interface SyntheticHistoryMapping {
  cities?: Record<string, string>;
  topics?: Record<string, string>;
  languages?: Record<string, string>;
  /** IANA zone the generated wall-clock session times are in. */
  timeZone: string;
  currency: string;
}

export const SESSION_FORMAT_MAP: Record<string, string> = {
  workshop: 'workshop',
  lecture: 'lecture',
  'study-group': 'study_group',
  'field-trip': 'lab',
};

/** Keeps the world's names: what the recovery tests use. */
export const IDENTITY_MAPPING: SyntheticHistoryMapping = { timeZone: 'UTC', currency: 'EUR' };

/** The demo academy: cities by similar size and neighbourhood, topics onto the demo catalogue's where they exist. */
export const DEMO_MAPPING: SyntheticHistoryMapping = {
  cities: {
    Berlin: 'Shanghai', Potsdam: 'Suzhou', Hamburg: 'Beijing', Munich: 'Shenzhen', Cologne: 'Guangzhou',
    'Düsseldorf': 'Dongguan', Frankfurt: 'Hangzhou', Leipzig: 'Nanjing',
  },
  topics: { 'ux-design': 'design', 'web-development': 'machine-learning' },
  languages: { de: 'zh-CN', en: 'en', tr: 'zh-CN' },
  timeZone: 'Asia/Shanghai',
  currency: 'CNY',
};

export function mapName(table: Record<string, string> | undefined, value: string): string {
  return table?.[value] ?? value;
}
