import { offlineLogit, onlineLogit, sigmoid } from './hidden-preference-model';
import { generateSyntheticWorld } from './synthetic-data.generator';
import { buildSyntheticExamples, syntheticTrainingExamples } from './synthetic-examples';

describe('generateSyntheticWorld', () => {
  const world = generateSyntheticWorld({ learners: 150, seed: 3 });

  it('is reproducible from the seed', () => {
    const again = generateSyntheticWorld({ learners: 150, seed: 3 });
    expect(JSON.stringify(again)).toEqual(JSON.stringify(world));
    expect(JSON.stringify(generateSyntheticWorld({ learners: 150, seed: 4 }).bookings)).not.toEqual(
      JSON.stringify(world.bookings),
    );
  });

  it('produces seeder-friendly records with consistent foreign keys and timestamps', () => {
    const ids = (xs: { id: string }[]) => new Set(xs.map((x) => x.id));
    const [learners, sessions, items, courses, instructors] = [
      ids(world.learners),
      ids(world.sessions),
      ids(world.onlineItems),
      ids(world.courses),
      ids(world.instructors),
    ];
    expect(world.bookings.length).toBeGreaterThan(300);
    expect(world.onlineEvents.length).toBeGreaterThan(1000);
    for (const b of world.bookings) {
      expect(learners.has(b.learnerId) && sessions.has(b.sessionId)).toBe(true);
      const session = world.sessions.find((s) => s.id === b.sessionId)!;
      expect(b.bookedAt.getTime()).toBeLessThan(session.startsAt.getTime());
    }
    expect(world.attendance).toHaveLength(world.bookings.length);
    for (const r of world.ratings) expect(r.stars).toBeGreaterThanOrEqual(1);
    for (const e of world.onlineEvents) expect(items.has(e.itemId)).toBe(true);
    for (const p of world.purchases) expect(courses.has(p.courseId)).toBe(true);
    for (const s of world.sessions) expect(instructors.has(s.instructorId)).toBe(true);
    const seats = new Map<string, number>();
    for (const b of world.bookings) seats.set(b.sessionId, (seats.get(b.sessionId) ?? 0) + 1);
    for (const s of world.sessions) expect(seats.get(s.id) ?? 0).toBeLessThanOrEqual(s.capacity);
  });

  it('rebuilds, from the plain records alone, the features the hidden model used', () => {
    const examples = buildSyntheticExamples(world);
    const sessionOf = new Map(world.bookings.map((b) => [b.id, world.sessions.find((s) => s.id === b.sessionId)!]));
    for (const e of examples) {
      const generosity = world.truth.learnerGenerosity[e.learnerId];
      const p =
        e.offlineLabel !== null
          ? sigmoid(
              offlineLogit(e.input, {
                generosity,
                instructorQuality: world.truth.instructorQuality[sessionOf.get(e.sourceId)!.instructorId],
              }),
            )
          : sigmoid(onlineLogit(e.input, { generosity }));
      expect(p).toBeCloseTo(e.trueProbability, 9);
    }
    const offline = examples.filter((e) => e.offlineLabel !== null);
    const rate = offline.reduce((s, e) => s + (e.offlineLabel as number), 0) / offline.length;
    expect(rate).toBeGreaterThan(0.3);
    expect(rate).toBeLessThan(0.8);
  });

  it('produces encoded training examples with one head labelled per row', () => {
    const { encoder, examples } = syntheticTrainingExamples(world);
    expect(examples.width).toBe(encoder.width);
    expect(examples.rows.length).toBe(examples.count * examples.width);
    for (let i = 0; i < examples.count; i++) {
      expect(Number.isNaN(examples.offlineLabels[i])).not.toBe(Number.isNaN(examples.onlineLabels[i]));
    }
    expect(examples.rows.every(Number.isFinite)).toBe(true);
  });
});
