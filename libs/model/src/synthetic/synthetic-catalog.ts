/** Fixed vocabularies of the synthetic world. Cities are real so distances (and seeded maps) look plausible. */
export interface SyntheticCity {
  name: string;
  lat: number;
  lon: number;
  /** Relative share of learners living there. */
  weight: number;
}

export const SYNTHETIC_CITIES: readonly SyntheticCity[] = [
  { name: 'Berlin', lat: 52.52, lon: 13.405, weight: 5 },
  { name: 'Potsdam', lat: 52.391, lon: 13.064, weight: 1 },
  { name: 'Hamburg', lat: 53.551, lon: 9.994, weight: 3 },
  { name: 'Munich', lat: 48.137, lon: 11.575, weight: 3 },
  { name: 'Cologne', lat: 50.938, lon: 6.96, weight: 2 },
  { name: 'Düsseldorf', lat: 51.227, lon: 6.773, weight: 1.5 },
  { name: 'Frankfurt', lat: 50.11, lon: 8.682, weight: 2 },
  { name: 'Leipzig', lat: 51.34, lon: 12.375, weight: 1.5 },
];

export const SYNTHETIC_TOPICS = [
  'python',
  'data-analysis',
  'web-development',
  'ux-design',
  'marketing',
  'photography',
  'public-speaking',
  'project-management',
] as const;

export const SESSION_FORMATS = ['workshop', 'lecture', 'study-group', 'field-trip'] as const;

/** Online items are encoded with format `online-<kind>`. */
export const ONLINE_ITEM_KINDS = ['video', 'reading', 'quiz', 'exercise'] as const;

export const LANGUAGES = ['de', 'en', 'tr'] as const;
export const LANGUAGE_WEIGHTS = [0.75, 0.2, 0.05];

export const SESSION_HOURS = [9, 10, 14, 17, 18, 19, 20];
export const SESSION_PRICES = [0, 10, 20, 35, 50, 80];
export const SESSION_CAPACITIES = [8, 12, 20, 30];
export const INSTRUCTORS_PER_CITY = 3;

/** Great-circle distance in km. */
export function haversineKm(aLat: number, aLon: number, bLat: number, bLon: number): number {
  const rad = Math.PI / 180;
  const dLat = (bLat - aLat) * rad;
  const dLon = (bLon - aLon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(aLat * rad) * Math.cos(bLat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}
