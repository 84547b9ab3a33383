import { createLearner } from './fixtures';
import { AUTH, TestApp } from './test-app';

export interface BotCatalogue {
  courseId: string;
  venueId: string;
  /** Python workshop in Shanghai, Saturday 5 Dec 2026 14:00 Shanghai time ("this weekend" for the test clock). */
  weekendPython: string;
  /** Python lab in Beijing, the week after. */
  beijingLab: string;
  /** A Shanghai data lab with one seat, already taken, waitlist open. */
  fullLab: string;
}

async function post(t: TestApp, path: string, body: Record<string, unknown>) {
  const res = await t.http().post(path).set(AUTH).send(body);
  if (res.status >= 300) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** A small catalogue around the test clock (Friday 4 Dec 2026, 16:00 in Shanghai). */
export async function seedBotCatalogue(t: TestApp): Promise<BotCatalogue> {
  const course = await post(t, '/api/v1/courses', { externalId: `py-${Date.now()}`, title: 'Python Basics / Python 入门', topic: 'python' });
  const venue = await post(t, '/api/v1/venues', { name: 'Jing’an Maker Space / 静安创客空间', city: 'Shanghai', address: '1 Nanjing West Rd', capacity: 30 });
  const session = (extra: Record<string, unknown>) => post(t, '/api/v1/sessions', {
    format: 'workshop', timeZone: 'Asia/Shanghai', capacity: 10, waitlistLimit: 5, price: 199, currency: 'CNY',
    description: 'Bring a laptop. / 请携带笔记本电脑。', ...extra,
  });
  const weekendPython = await session({
    title: 'Python hands-on / Python 实操', topic: 'python', city: 'Shanghai', courseId: course.id, venueId: venue.id,
    startsAt: '2026-12-05T14:00:00+08:00', endsAt: '2026-12-05T17:00:00+08:00', instructorName: 'Li Wei',
  });
  const beijingLab = await session({
    title: 'Python lab Beijing / 北京 Python 实验课', topic: 'python', city: 'Beijing', format: 'lab', courseId: course.id,
    startsAt: '2026-12-12T10:00:00+08:00', endsAt: '2026-12-12T12:00:00+08:00', price: 0,
  });
  const fullLab = await session({
    title: 'pandas lab / pandas 实验', topic: 'data-analysis', city: 'Shanghai', format: 'lab', capacity: 1, venueId: venue.id,
    startsAt: '2026-12-06T10:00:00+08:00', endsAt: '2026-12-06T12:00:00+08:00',
  });
  const someoneElse = await createLearner(t);
  await post(t, `/api/v1/sessions/${fullLab.id}/bookings`, { learnerId: someoneElse });
  return { courseId: course.id, venueId: venue.id, weekendPython: weekendPython.id, beijingLab: beijingLab.id, fullLab: fullLab.id };
}

/** A learner and a fresh one-time chat link code for them, as an admin would issue it. */
export async function learnerWithCode(t: TestApp): Promise<{ learnerId: string; code: string }> {
  const learnerId = await createLearner(t);
  const res = await t.http().post(`/api/v1/learners/${learnerId}/chat-link-code`).set(AUTH).send({});
  if (res.status !== 201) throw new Error(`link code: ${res.status} ${JSON.stringify(res.body)}`);
  return { learnerId, code: res.body.code };
}
