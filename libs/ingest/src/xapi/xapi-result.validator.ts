import { isIsoDuration } from '../shared/iso8601-duration';
import { childPath, ShapeChecker } from '../shared/shape-checker';

const RESULT_KEYS = ['score', 'success', 'completion', 'response', 'duration', 'extensions'];
const SCORE_KEYS = ['scaled', 'raw', 'min', 'max'];

/** Result per xAPI 1.0.3 §2.4.5: scaled in [-1, 1], min < max, raw within [min, max], ISO 8601 duration. */
export function validateXapiResult(check: ShapeChecker, value: unknown, path: string): void {
  const result = check.object(value, path, RESULT_KEYS, 'Result');
  if (!result) return;
  if (result.score !== undefined) validateScore(check, result.score, childPath(path, 'score'));
  if (result.success !== undefined) check.boolean(result.success, childPath(path, 'success'));
  if (result.completion !== undefined) check.boolean(result.completion, childPath(path, 'completion'));
  if (result.response !== undefined) check.string(result.response, childPath(path, 'response'));
  if (result.duration !== undefined) {
    const durationPath = childPath(path, 'duration');
    const duration = check.string(result.duration, durationPath);
    if (duration !== undefined && !isIsoDuration(duration)) {
      check.fail(durationPath, `must be an ISO 8601 duration such as PT1H30M or PT95.5S, got ${JSON.stringify(duration)}`);
    }
  }
  if (result.extensions !== undefined) check.extensions(result.extensions, childPath(path, 'extensions'));
}

function validateScore(check: ShapeChecker, value: unknown, path: string): void {
  const score = check.object(value, path, SCORE_KEYS, 'Score');
  if (!score) return;
  const [scaled, raw, min, max] = SCORE_KEYS.map((key) =>
    score[key] === undefined ? undefined : check.number(score[key], childPath(path, key)),
  );
  if (scaled !== undefined && (scaled < -1 || scaled > 1)) {
    check.fail(childPath(path, 'scaled'), `must be between -1 and 1 inclusive, got ${scaled}`);
  }
  if (min !== undefined && max !== undefined && !(min < max)) {
    check.fail(childPath(path, 'min'), `must be less than max (${max}), got ${min}`);
  }
  if (raw !== undefined && min !== undefined && raw < min) {
    check.fail(childPath(path, 'raw'), `must not be below min (${min}), got ${raw}`);
  }
  if (raw !== undefined && max !== undefined && raw > max) {
    check.fail(childPath(path, 'raw'), `must not be above max (${max}), got ${raw}`);
  }
}
