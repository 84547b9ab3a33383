import type { PlannerOptions, ServicePlanInput } from './plan-input.types';
import { PlanValidationError } from './plan-validation.error';

/**
 * Checks the shape and ranges of a plan input and throws a PlanValidationError naming the first bad field.
 * Inputs may come straight from JSON, so every field is checked at runtime even though the types promise it.
 */
export function validateServicePlanInput(input: ServicePlanInput): void {
  if (!isObject(input)) throw new PlanValidationError('input', 'must be an object', input);
  validatePeriod(input);
  requireNumber('budget', input.budget, { min: 0 });
  requireNumber('minAttendance', input.minAttendance, { min: 0 });
  if (input.maxInvitationsPerLearner !== undefined) {
    requireNumber('maxInvitationsPerLearner', input.maxInvitationsPerLearner, { min: 1, integer: true });
  }
  if (input.minOpenedSessions !== undefined) {
    requireNumber('minOpenedSessions', input.minOpenedSessions, { min: 0, integer: true });
  }
  const candidateIds = validateCandidates(input);
  validateScores(input, candidateIds);
  validateAvailability(input);
}

export function validatePlannerOptions(options: PlannerOptions): void {
  if (options.timeLimitSeconds !== undefined) {
    requireNumber('options.timeLimitSeconds', options.timeLimitSeconds, { min: 0, exclusiveMin: true });
  }
  if (options.mipRelGap !== undefined) requireNumber('options.mipRelGap', options.mipRelGap, { min: 0, max: 1 });
  if (options.log !== undefined && typeof options.log !== 'function') {
    throw new PlanValidationError('options.log', 'must be a function', options.log);
  }
}

function validatePeriod(input: ServicePlanInput): void {
  if (!isObject(input.period)) throw new PlanValidationError('period', 'must be an object with start and end', input.period);
  const start = requireDate('period.start', input.period.start);
  const end = requireDate('period.end', input.period.end);
  if (start > end) throw new PlanValidationError('period.end', 'must not be before period.start', input.period.end);
}

function validateCandidates(input: ServicePlanInput): Set<string> {
  if (!Array.isArray(input.candidates)) throw new PlanValidationError('candidates', 'must be an array', input.candidates);
  if (input.candidates.length === 0) throw new PlanValidationError('candidates', 'must contain at least one candidate session');
  const ids = new Set<string>();
  input.candidates.forEach((candidate, i) => {
    const at = `candidates[${i}]`;
    if (!isObject(candidate)) throw new PlanValidationError(at, 'must be an object', candidate);
    requireId(`${at}.id`, candidate.id);
    if (ids.has(candidate.id)) throw new PlanValidationError(`${at}.id`, 'duplicates an earlier candidate id', candidate.id);
    ids.add(candidate.id);
    requireText(`${at}.topic`, candidate.topic);
    requireText(`${at}.city`, candidate.city);
    requireId(`${at}.slotId`, candidate.slotId);
    requireId(`${at}.venueId`, candidate.venueId);
    requireId(`${at}.instructorId`, candidate.instructorId);
    requireNumber(`${at}.capacity`, candidate.capacity, { min: 0, integer: true });
    requireNumber(`${at}.fixedCost`, candidate.fixedCost, { min: 0 });
    if (candidate.minAttendance !== undefined) requireNumber(`${at}.minAttendance`, candidate.minAttendance, { min: 0 });
    if (candidate.required !== undefined && typeof candidate.required !== 'boolean') {
      throw new PlanValidationError(`${at}.required`, 'must be a boolean', candidate.required);
    }
  });
  return ids;
}

function validateScores(input: ServicePlanInput, candidateIds: Set<string>): void {
  if (!Array.isArray(input.scores)) throw new PlanValidationError('scores', 'must be an array', input.scores);
  const seen = new Map<string, Set<string>>();
  input.scores.forEach((entry, i) => {
    const at = `scores[${i}]`;
    if (!isObject(entry)) throw new PlanValidationError(at, 'must be an object', entry);
    requireId(`${at}.learnerId`, entry.learnerId);
    requireId(`${at}.candidateId`, entry.candidateId);
    if (!candidateIds.has(entry.candidateId)) {
      throw new PlanValidationError(`${at}.candidateId`, 'is not the id of any candidate session', entry.candidateId);
    }
    requireNumber(`${at}.score`, entry.score, { min: 0, max: 1 });
    if (entry.attendProbability !== undefined) {
      requireNumber(`${at}.attendProbability`, entry.attendProbability, { min: 0, max: 1 });
    }
    let learners = seen.get(entry.candidateId);
    if (!learners) seen.set(entry.candidateId, (learners = new Set()));
    if (learners.has(entry.learnerId)) {
      throw new PlanValidationError(at, 'duplicates an earlier learner × candidate pair', entry.learnerId);
    }
    learners.add(entry.learnerId);
  });
}

function validateAvailability(input: ServicePlanInput): void {
  const list = input.instructorAvailability;
  if (list === undefined) return;
  if (!Array.isArray(list)) throw new PlanValidationError('instructorAvailability', 'must be an array', list);
  list.forEach((entry, i) => {
    const at = `instructorAvailability[${i}]`;
    if (!isObject(entry)) throw new PlanValidationError(at, 'must be an object', entry);
    requireId(`${at}.instructorId`, entry.instructorId);
    if (!Array.isArray(entry.unavailableSlotIds)) {
      throw new PlanValidationError(`${at}.unavailableSlotIds`, 'must be an array of slot ids', entry.unavailableSlotIds);
    }
    entry.unavailableSlotIds.forEach((slot, j) => requireId(`${at}.unavailableSlotIds[${j}]`, slot));
  });
}

interface NumberRule {
  min?: number;
  max?: number;
  exclusiveMin?: boolean;
  integer?: boolean;
}

function requireNumber(field: string, value: unknown, rule: NumberRule): void {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new PlanValidationError(field, 'must be a finite number', value);
  }
  if (rule.integer && !Number.isInteger(value)) throw new PlanValidationError(field, 'must be an integer', value);
  if (rule.min !== undefined && (value < rule.min || (rule.exclusiveMin && value === rule.min))) {
    throw new PlanValidationError(field, `must be ${rule.exclusiveMin ? 'greater than' : 'at least'} ${rule.min}`, value);
  }
  if (rule.max !== undefined && value > rule.max) throw new PlanValidationError(field, `must be at most ${rule.max}`, value);
}

function requireId(field: string, value: unknown): void {
  if (typeof value !== 'string' || value.trim() === '') throw new PlanValidationError(field, 'must be a non-empty string', value);
}

function requireText(field: string, value: unknown): void {
  if (typeof value !== 'string') throw new PlanValidationError(field, 'must be a string', value);
}

function requireDate(field: string, value: unknown): number {
  requireId(field, value);
  const time = Date.parse(value as string);
  if (Number.isNaN(time)) throw new PlanValidationError(field, 'must be an ISO 8601 date', value);
  return time;
}

function isObject(value: unknown): value is Record<string, any> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
