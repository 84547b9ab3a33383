import { DomainError } from '@o2o/core';
import type { InstructorAvailability } from '../plan-input.types';
import type { InstructorUnavailabilityDto } from './instructor-unavailability.dto';
import type { PlanCandidateRecord } from './plan-candidate.record';

/**
 * The request's "instructor X cannot teach from … to …" as the planner's unavailable slots: every slot holding a
 * candidate of that instructor whose time overlaps the range. The planner reasons in slots (connected groups of
 * overlapping candidate times), so the whole slot is closed to the instructor, not just the overlapping candidate.
 */
export function resolveInstructorAvailability(
  entries: readonly InstructorUnavailabilityDto[] | undefined,
  candidates: readonly PlanCandidateRecord[],
): InstructorAvailability[] {
  const slots = new Map<string, Set<string>>();
  (entries ?? []).forEach((entry, i) => {
    const from = Date.parse(entry.from);
    const to = Date.parse(entry.to);
    const field = `instructorUnavailable[${i}].to`;
    if (!(to > from)) throw new DomainError('PLAN_TIME_RANGE', 400, { field }, field);
    for (const c of candidates) {
      if (c.instructor !== entry.instructor || Date.parse(c.endsAt) <= from || Date.parse(c.startsAt) >= to) continue;
      const set = slots.get(c.instructor) ?? new Set<string>();
      set.add(c.slotId);
      slots.set(c.instructor, set);
    }
  });
  return [...slots].map(([instructorId, set]) => ({ instructorId, unavailableSlotIds: [...set].sort() }));
}
