import { SeededRandom } from '../random/seeded-random';
import { HIDDEN_PREFERENCE_MODEL } from './hidden-preference-model';
import { DAY_MS } from './learner-history';
import {
  INSTRUCTORS_PER_CITY,
  LANGUAGE_WEIGHTS,
  LANGUAGES,
  ONLINE_ITEM_KINDS,
  SESSION_CAPACITIES,
  SESSION_FORMATS,
  SESSION_HOURS,
  SESSION_PRICES,
  SYNTHETIC_CITIES,
  SYNTHETIC_TOPICS,
} from './synthetic-catalog';
import type {
  SyntheticCourse,
  SyntheticInstructor,
  SyntheticLearner,
  SyntheticOnlineItem,
  SyntheticPurchase,
  SyntheticSession,
} from './synthetic-world';

/** Learner traits that drive behaviour but are not stored as columns anywhere. */
export interface LatentLearner {
  learner: SyntheticLearner;
  generosity: number;
  /** Mean online item starts per week. */
  onlineRate: number;
  /** Chance of finishing an item the learner is not satisfied with (satisfied learners always finish). */
  persistence: number;
  quizSkill: number;
  purchases: { course: SyntheticCourse; at: number }[];
}

export interface Population {
  courses: SyntheticCourse[];
  onlineItems: SyntheticOnlineItem[];
  instructors: SyntheticInstructor[];
  instructorQuality: Record<string, number>;
  learners: LatentLearner[];
  purchases: SyntheticPurchase[];
  sessions: SyntheticSession[];
}

export interface PopulationOptions {
  learners: number;
  sessions: number;
  coursesPerTopic: number;
  itemsPerCourse: number;
  onlineStartsPerWeek: number;
  startMs: number;
  days: number;
}

const title = (s: string) => s.replace(/(^|-)(\w)/g, (_, sep: string, c: string) => (sep ? ' ' : '') + c.toUpperCase());
const jitter = (rng: SeededRandom, degrees: number) => (rng.next() - 0.5) * 2 * degrees;

/** Everything that exists before behaviour is simulated: catalogue, instructors, learners, sessions. */
export function buildPopulation(rng: SeededRandom, o: PopulationOptions): Population {
  const courses: SyntheticCourse[] = [];
  const onlineItems: SyntheticOnlineItem[] = [];
  for (const topic of SYNTHETIC_TOPICS) {
    for (let level = 1; level <= o.coursesPerTopic; level++) {
      const course: SyntheticCourse = {
        id: `course-${courses.length + 1}`,
        title: `${title(topic)} ${level}`,
        topic,
        language: rng.bernoulli(0.7) ? 'de' : 'en',
        price: rng.pick([49, 79, 99, 149, 199]),
      };
      courses.push(course);
      for (let k = 0; k < o.itemsPerCourse; k++) {
        const kind = ONLINE_ITEM_KINDS[k % ONLINE_ITEM_KINDS.length];
        onlineItems.push({
          id: `item-${onlineItems.length + 1}`,
          courseId: course.id,
          topic,
          kind,
          title: `${course.title} · ${kind} ${k + 1}`,
          minutes: rng.int(5, 45),
        });
      }
    }
  }

  const instructors: SyntheticInstructor[] = [];
  const instructorQuality: Record<string, number> = {};
  for (const city of SYNTHETIC_CITIES) {
    for (let k = 0; k < INSTRUCTORS_PER_CITY; k++) {
      const id = `instructor-${instructors.length + 1}`;
      instructors.push({ id, name: `Instructor ${instructors.length + 1}`, city: city.name });
      instructorQuality[id] = rng.normal(0, HIDDEN_PREFERENCE_MODEL.instructorQualityStd);
    }
  }

  const periodMs = o.days * DAY_MS;
  const learners: LatentLearner[] = [];
  const purchases: SyntheticPurchase[] = [];
  for (let i = 1; i <= o.learners; i++) {
    const city = rng.weightedPick(SYNTHETIC_CITIES, SYNTHETIC_CITIES.map((c) => c.weight));
    const learner: SyntheticLearner = {
      id: `learner-${i}`,
      name: `Learner ${i}`,
      email: `learner${i}@example.test`,
      city: city.name,
      language: rng.weightedPick(LANGUAGES, LANGUAGE_WEIGHTS),
      homeLat: city.lat + jitter(rng, 0.05),
      homeLon: city.lon + jitter(rng, 0.07),
      createdAt: new Date(o.startMs - rng.int(0, 60) * DAY_MS),
    };
    const favourite = rng.pick(SYNTHETIC_TOPICS);
    const bought = new Set<SyntheticCourse>();
    const count = Math.min(5, 1 + Math.floor(-Math.log(1 - rng.next()) * 1.2));
    while (bought.size < count) {
      const topic = rng.bernoulli(0.6) ? favourite : rng.pick(SYNTHETIC_TOPICS);
      bought.add(rng.pick(courses.filter((c) => c.topic === topic)));
    }
    // The first course is bought early, later ones spread over the period (topic match changes over time).
    const latent: LatentLearner = {
      learner,
      generosity: rng.normal(0, HIDDEN_PREFERENCE_MODEL.learnerGenerosityStd),
      onlineRate: o.onlineStartsPerWeek * Math.exp(rng.normal(0, 0.5) - 0.125),
      persistence: 1 / (1 + Math.exp(-rng.normal(0, 1.2))),
      quizSkill: Math.min(0.98, Math.max(0.1, rng.normal(0.65, 0.15))),
      purchases: [...bought].map((course, k) => ({
        course,
        at: o.startMs + (k === 0 ? rng.next() * 14 * DAY_MS : rng.next() * periodMs * 0.7),
      })),
    };
    for (const p of latent.purchases) {
      purchases.push({ learnerId: learner.id, courseId: p.course.id, purchasedAt: new Date(p.at) });
    }
    learners.push(latent);
  }

  const sessions: SyntheticSession[] = [];
  for (let i = 1; i <= o.sessions; i++) {
    const city = rng.weightedPick(SYNTHETIC_CITIES, SYNTHETIC_CITIES.map((c) => c.weight));
    const hour = rng.pick(SESSION_HOURS);
    const day = rng.int(7, o.days - 1);
    const startsAt = new Date(o.startMs + day * DAY_MS + hour * 3_600_000);
    const topic = rng.pick(SYNTHETIC_TOPICS);
    const format = rng.pick(SESSION_FORMATS);
    const cityInstructors = instructors.filter((x) => x.city === city.name);
    sessions.push({
      id: `session-${i}`,
      title: `${title(topic)} ${format} in ${city.name}`,
      topic,
      format,
      city: city.name,
      venueLat: city.lat + jitter(rng, 0.04),
      venueLon: city.lon + jitter(rng, 0.06),
      startsAt,
      weekday: (startsAt.getUTCDay() + 6) % 7, // times are generated in UTC and treated as local
      hour,
      durationMinutes: rng.pick([90, 120, 180]),
      price: rng.pick(SESSION_PRICES),
      capacity: rng.pick(SESSION_CAPACITIES),
      instructorId: rng.pick(cityInstructors).id,
    });
  }
  sessions.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  return { courses, onlineItems, instructors, instructorQuality, learners, purchases, sessions };
}
