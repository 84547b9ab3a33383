import { createRandomPlanInput } from './bench/random-plan-input.factory';
import type { ServicePlanInput } from './plan-input.types';
import { validatePlannerOptions, validateServicePlanInput } from './plan-input.validator';
import { PlanValidationError } from './plan-validation.error';
import { ServicePlanSolver } from './service-plan.solver';

function valid(): ServicePlanInput {
  return createRandomPlanInput({ seed: 5, learners: 3, candidates: 3, slots: 2 });
}

function fieldOf(run: () => void): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(PlanValidationError);
    return (error as PlanValidationError).field;
  }
  throw new Error('expected a PlanValidationError');
}

describe('validateServicePlanInput', () => {
  it('accepts a well-formed input', () => {
    expect(() => validateServicePlanInput(valid())).not.toThrow();
  });

  const cases: Array<[string, (input: ServicePlanInput) => void, string]> = [
    ['an unknown candidate id in the scores', (i) => (i.scores[1].candidateId = 'nope'), 'scores[1].candidateId'],
    ['a negative capacity', (i) => (i.candidates[0].capacity = -1), 'candidates[0].capacity'],
    ['a fractional capacity', (i) => (i.candidates[2].capacity = 2.5), 'candidates[2].capacity'],
    ['a NaN score', (i) => (i.scores[0].score = Number.NaN), 'scores[0].score'],
    ['a score above 1', (i) => (i.scores[2].score = 1.5), 'scores[2].score'],
    ['an infinite attend probability', (i) => (i.scores[3].attendProbability = Infinity), 'scores[3].attendProbability'],
    ['a negative fixed cost', (i) => (i.candidates[1].fixedCost = -5), 'candidates[1].fixedCost'],
    ['a NaN budget', (i) => (i.budget = Number.NaN), 'budget'],
    ['a negative minimum attendance', (i) => (i.minAttendance = -1), 'minAttendance'],
    ['a zero invitation limit', (i) => (i.maxInvitationsPerLearner = 0), 'maxInvitationsPerLearner'],
    ['a duplicate candidate id', (i) => (i.candidates[2].id = i.candidates[0].id), 'candidates[2].id'],
    ['a duplicate learner × candidate pair', (i) => i.scores.splice(1, 0, { ...i.scores[0] }), 'scores[1]'],
    ['an empty learner id', (i) => (i.scores[4].learnerId = ''), 'scores[4].learnerId'],
    ['a period that ends before it starts', (i) => (i.period = { start: '2026-04-01', end: '2026-03-01' }), 'period.end'],
    ['an unparseable period start', (i) => (i.period.start = 'soon'), 'period.start'],
    ['no candidates', (i) => (i.candidates = []), 'candidates'],
    [
      'a non-array list of unavailable slots',
      (i) => (i.instructorAvailability = [{ instructorId: 'x', unavailableSlotIds: 'slot-0' as never }]),
      'instructorAvailability[0].unavailableSlotIds',
    ],
  ];
  for (const [name, mutate, field] of cases) {
    it(`names the field for ${name}`, () => {
      const input = valid();
      mutate(input);
      expect(fieldOf(() => validateServicePlanInput(input))).toBe(field);
    });
  }

  it('puts the field and the reason in the message', () => {
    const input = valid();
    input.scores[0].score = Number.NaN;
    expect(() => validateServicePlanInput(input)).toThrow('scores[0].score must be a finite number (got NaN)');
  });

  it('rejects bad solver options', () => {
    expect(fieldOf(() => validatePlannerOptions({ timeLimitSeconds: 0 }))).toBe('options.timeLimitSeconds');
    expect(fieldOf(() => validatePlannerOptions({ mipRelGap: -0.1 }))).toBe('options.mipRelGap');
  });

  it('is applied by the solver before anything else', async () => {
    const input = valid();
    input.candidates[0].capacity = -3;
    await expect(new ServicePlanSolver().solve(input)).rejects.toThrow(PlanValidationError);
  });
});
