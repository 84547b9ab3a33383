import type { Course, Venue } from '@o2o/core';
import { localTime, zonedInstant } from '@o2o/model';

const DAY_MS = 86_400_000;
const INSTRUCTORS = ['Li Wei', 'Chen Jing', 'Wang Fang', 'Zhao Lei', 'Dr. Sun', 'Emma Zhou'];
const SLOTS = [{ hour: 9, hours: 3 }, { hour: 14, hours: 3 }];

/**
 * A plan request for `plan --demo`: every venue × course topic × two slots on the next Saturday (tenant time),
 * with venue capacity and cost, a budget of `budgetShare` of the total cost, and instructors from a small pool.
 */
export function demoPlanRequest(venues: Venue[], courses: Course[], timeZone: string, now: Date, budgetShare: number, minAttendance: number) {
  const today = localTime(now, timeZone);
  const daysToSaturday = ((5 - today.weekday + 7) % 7) || 7;
  const local = new Date(now.getTime() + daysToSaturday * DAY_MS);
  const day = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate());
  const topics = [...new Map(courses.map((c) => [c.topic, c])).values()];
  const candidates = venues.flatMap((venue, v) => topics.flatMap((course, t) => SLOTS.map((slot, s) => {
    const startsAt = zonedInstant(day + slot.hour * 3_600_000, timeZone);
    return {
      id: `v${v + 1}-${course.topic}-${slot.hour}h`, title: `${course.title.split(' / ')[0]} hands-on / 实践课`, topic: course.topic,
      courseId: course.id, venueId: venue.id, startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + slot.hours * 3_600_000).toISOString(), timeZone,
      instructor: INSTRUCTORS[(v + t * 2 + s) % INSTRUCTORS.length], price: 99,
    };
  })));
  const totalCost = venues.reduce((sum, v) => sum + (v.costMinor / 100) * topics.length * SLOTS.length, 0);
  const period = { start: new Date(day - DAY_MS).toISOString(), end: new Date(day + 2 * DAY_MS).toISOString() };
  return { period, candidates, budget: Math.round(totalCost * budgetShare), minAttendance };
}
