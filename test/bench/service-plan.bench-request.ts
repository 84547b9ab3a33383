import { SYNTHETIC_CITIES, SYNTHETIC_TOPICS } from '@o2o/model';

const DAY_MS = 86_400_000;

/**
 * 60 candidates for the service-plan bench through the service: six 3-hour slots over a weekend, ten candidates
 * per slot across the synthetic world's cities and topics, capacities 20–60 and costs 1,000–3,000 (seeded), twenty
 * instructors, twelve venues, a budget of 45 % of the total cost and a minimum expected attendance of 15 —
 * the shape of the planner's reference instance, with predicted satisfaction instead of random scores.
 */
export function servicePlanRequest() {
  let seed = 20260301;
  const next = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const saturday = Date.UTC(2030, 0, 5);
  const slots = [0, 1, 2, 3, 4, 5].map((k) => saturday + Math.floor(k / 3) * DAY_MS + (9 + (k % 3) * 4) * 3_600_000);
  const candidates = Array.from({ length: 60 }, (_, i) => {
    const start = slots[i % 6];
    return {
      id: `c${i + 1}`, topic: SYNTHETIC_TOPICS[i % SYNTHETIC_TOPICS.length], city: SYNTHETIC_CITIES[(i * 3) % SYNTHETIC_CITIES.length].name,
      startsAt: new Date(start).toISOString(), endsAt: new Date(start + 3 * 3_600_000).toISOString(), timeZone: 'UTC',
      venueName: `Venue ${1 + (i % 12)}`, capacity: 20 + Math.floor(next() * 41), cost: 1000 + Math.floor(next() * 2001),
      instructor: `Instructor ${1 + (i % 20)}`, price: 20, format: 'workshop',
    };
  });
  const budget = Math.round(candidates.reduce((s, c) => s + c.cost, 0) * 0.45);
  return {
    period: { start: new Date(saturday - DAY_MS).toISOString(), end: new Date(saturday + 3 * DAY_MS).toISOString() },
    candidates, budget, minAttendance: 15, timeLimitSeconds: 60,
  };
}
