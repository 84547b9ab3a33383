import { FeatureEncoder } from './feature-encoder';
import type { FeatureInput } from './feature-input';
import { FEATURE_LIST } from './feature-spec';
import { InvalidFeatureError } from './invalid-feature.error';

type Overrides = { topic?: string; city?: string; minutes?: number; rating?: number | null };

function input(overrides: Overrides = {}): FeatureInput {
  return {
    learner: {
      onlineActivityCount: 40,
      onlineMinutes: overrides.minutes ?? 300,
      completionRate: 0.6,
      quizMean: 0.7,
      recencyDays: 3,
      streakDays: 5,
      coursesBought: 2,
      city: overrides.city ?? 'Berlin',
      language: 'de',
    },
    session: {
      topic: overrides.topic ?? 'python',
      format: 'workshop',
      weekday: 5,
      hour: 18,
      price: 20,
      capacity: 12,
      distanceKm: 4,
      instructor: 'i-1',
    },
    pair: {
      topicMatch: 0.5,
      pastOfflineAttendanceCount: 1,
      pastMeanRating: overrides.rating === undefined ? 4 : overrides.rating,
    },
  };
}

const training = [
  input(),
  input({ topic: 'sql', minutes: 50, rating: null }),
  input({ topic: 'python', city: 'Hamburg', minutes: 900 }),
  input({ topic: 'design', minutes: 120, rating: 2 }),
];

describe('FeatureEncoder', () => {
  it('documents every feature with a group and description', () => {
    const names = FEATURE_LIST.map((f) => f.name);
    expect(new Set(names).size).toBe(names.length);
    for (const f of FEATURE_LIST) {
      expect(['learner', 'session', 'pair']).toContain(f.group);
      expect(f.description.length).toBeGreaterThan(5);
    }
  });

  it('produces fixed-width rows with z-scored numeric columns', () => {
    const encoder = FeatureEncoder.fit(training);
    const rows = encoder.encodeBatch(training);
    expect(rows).toBeInstanceOf(Float32Array);
    expect(rows.length).toBe(training.length * encoder.width);
    const col = encoder.columns.indexOf('learner.onlineMinutes');
    const values = training.map((_, r) => rows[r * encoder.width + col]);
    expect(values.reduce((a, b) => a + b, 0) / values.length).toBeCloseTo(0, 5);
    // One-hot columns stay 0/1.
    const weekdaySat = encoder.columns.indexOf('session.weekday=sat');
    expect(rows[weekdaySat]).toBe(1);
    expect(encoder.columns).toContain('session.topic=<other>');
  });

  it('maps unseen categories to the out-of-vocabulary column and null to a missing flag', () => {
    const encoder = FeatureEncoder.fit(training);
    const row = encoder.encode(input({ topic: 'quantum-knitting', rating: null }));
    expect(row[encoder.columns.indexOf('session.topic=<other>')]).toBe(1);
    expect(row[encoder.columns.indexOf('pair.pastMeanRating:missing')]).toBe(1);
  });

  it('round-trips through JSON to identical rows', () => {
    const encoder = FeatureEncoder.fit(training);
    const restored = FeatureEncoder.fromJSON(JSON.parse(JSON.stringify(encoder.toJSON())));
    expect(restored.columns).toEqual(encoder.columns);
    expect(Array.from(restored.encodeBatch(training))).toEqual(Array.from(encoder.encodeBatch(training)));
  });

  it('names the feature when a value is NaN or Infinity', () => {
    const encoder = FeatureEncoder.fit(training);
    const bad = input();
    bad.learner.completionRate = NaN;
    expect(() => encoder.encode(bad)).toThrow(InvalidFeatureError);
    expect(() => encoder.encode(bad)).toThrow(/learner\.completionRate/);
    const inf = input();
    inf.session.price = Infinity;
    expect(() => FeatureEncoder.fit([inf])).toThrow(/session\.price/);
    const day = input();
    day.session.weekday = 9;
    expect(() => encoder.encode(day)).toThrow(/session\.weekday/);
  });

  it('rejects stats with non-finite values, naming the column', () => {
    const state = FeatureEncoder.fit(training).toJSON();
    state.stats.columns[2].std = Infinity;
    expect(() => FeatureEncoder.fromJSON(state)).toThrow(new RegExp(state.stats.columns[2].name));
  });
});
