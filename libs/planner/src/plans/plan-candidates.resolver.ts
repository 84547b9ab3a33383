import { DomainError, Tenant, Venue } from '@o2o/core';
import type { CreatePlanDto } from './create-plan.dto';
import type { PlanCandidateRecord } from './plan-candidate.record';

/**
 * Turns the request's candidates into complete records: venue city/capacity/cost filled in, tenant defaults
 * applied, every candidate inside the period, and overlapping times grouped into slots (the planner's
 * "one invitation per learner per slot" then means "nobody is invited to two sessions at once"). Errors name
 * the field, e.g. `candidates[2].venueId`.
 */
export function resolveCandidates(
  tenant: Tenant,
  dto: CreatePlanDto,
  venues: ReadonlyMap<string, Venue>,
  courseIds: ReadonlySet<string>,
): PlanCandidateRecord[] {
  const periodStart = Date.parse(dto.period.start);
  const periodEnd = Date.parse(dto.period.end);
  if (!(periodEnd > periodStart)) throw new DomainError('PLAN_TIME_RANGE', 400, { field: 'period.end' }, 'period.end');
  const seen = new Set<string>();
  const records = dto.candidates.map((c, i): Omit<PlanCandidateRecord, 'slotId'> => {
    const field = (name: string) => `candidates[${i}].${name}`;
    const id = c.id ?? `c${i + 1}`;
    if (seen.has(id)) throw new DomainError('PLAN_CANDIDATE_DUPLICATE', 400, { field: field('id'), id }, field('id'));
    seen.add(id);
    const start = Date.parse(c.startsAt);
    const end = Date.parse(c.endsAt);
    if (!(end > start)) throw new DomainError('PLAN_TIME_RANGE', 400, { field: field('endsAt') }, field('endsAt'));
    if (start < periodStart || end > periodEnd) {
      throw new DomainError('PLAN_CANDIDATE_OUTSIDE_PERIOD', 400, { field: field('startsAt') }, field('startsAt'));
    }
    if (c.courseId && !courseIds.has(c.courseId)) {
      throw new DomainError('PLAN_COURSE_NOT_FOUND', 422, { field: field('courseId'), courseId: c.courseId }, field('courseId'));
    }
    const venue = c.venueId ? venues.get(c.venueId) : undefined;
    if (c.venueId && !venue) throw new DomainError('PLAN_VENUE_NOT_FOUND', 422, { field: field('venueId'), venueId: c.venueId }, field('venueId'));
    const city = c.city ?? venue?.city;
    const capacity = venue ? Math.min(c.capacity ?? venue.capacity, venue.capacity) : c.capacity;
    if (!city || capacity === undefined) {
      const missing = !city ? 'city' : 'capacity';
      throw new DomainError('PLAN_CANDIDATE_NEEDS_VENUE', 400, { field: field(missing) }, field(missing));
    }
    return {
      id, title: c.title ?? `${c.topic} ${c.format ?? 'workshop'}`, topic: c.topic, courseId: c.courseId ?? null,
      format: c.format ?? 'workshop', city, startsAt: new Date(start).toISOString(), endsAt: new Date(end).toISOString(),
      timeZone: c.timeZone ?? tenant.timeZone, venueId: venue?.id ?? null,
      venueKey: venue ? `venue:${venue.id}` : c.venueName ? `name:${c.venueName.trim().toLowerCase()}` : `candidate:${id}`,
      capacity, cost: c.cost ?? (venue ? venue.costMinor / 100 : 0), instructor: c.instructor, price: c.price ?? 0,
      currency: c.currency ?? venue?.currency ?? 'CNY', language: c.language ?? tenant.defaultLocale,
      required: c.required ?? false, ...(c.minAttendance !== undefined ? { minAttendance: c.minAttendance } : {}),
    };
  });
  return withSlots(records);
}

/** Connected groups of overlapping time ranges get one slot id each ("s1", "s2", … in time order). */
function withSlots(records: Omit<PlanCandidateRecord, 'slotId'>[]): PlanCandidateRecord[] {
  const order = records.map((r, i) => i).sort((a, b) => Date.parse(records[a].startsAt) - Date.parse(records[b].startsAt));
  const slots = new Array<string>(records.length);
  let slot = 0;
  let groupEnd = -Infinity;
  for (const i of order) {
    const start = Date.parse(records[i].startsAt);
    if (start >= groupEnd) slot++;
    groupEnd = Math.max(groupEnd, Date.parse(records[i].endsAt));
    slots[i] = `s${slot}`;
  }
  return records.map((r, i) => ({ ...r, slotId: slots[i] }));
}
