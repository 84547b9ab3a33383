import { LTI_SPEC } from './lti-spec.constants';

export interface AgsScore {
  userId: string;
  scoreGiven?: number;
  scoreMaximum?: number;
  comment?: string;
  timestamp: string;
  activityProgress: string;
  gradingProgress: string;
  [extension: string]: unknown;
}

export type ScoreValidation =
  | { ok: true; score: AgsScore; timestampMs: number; warnings: string[] }
  | { ok: false; errors: string[] };

const ISO_8601 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})$/;

/**
 * Score publish body checks (AGS 2.0 score publish service). Hard errors are what platforms refuse; a timestamp
 * without sub-second precision is only a warning because the spec asks for it but Moodle and Canvas
 * accept whole seconds.
 */
export function validateScore(body: unknown): ScoreValidation {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return { ok: false, errors: ['body must be a JSON object'] };
  const s = body as Record<string, unknown>;
  const errors: string[] = [];
  const warnings: string[] = [];

  if (typeof s.userId !== 'string' || !s.userId) errors.push('userId is required (string)');
  const hasGiven = s.scoreGiven !== undefined && s.scoreGiven !== null;
  if (hasGiven && (typeof s.scoreGiven !== 'number' || !Number.isFinite(s.scoreGiven) || s.scoreGiven < 0)) {
    errors.push('scoreGiven must be a number >= 0');
  }
  if (hasGiven && s.scoreMaximum === undefined) errors.push('scoreMaximum is required when scoreGiven is present');
  if (s.scoreMaximum !== undefined && (typeof s.scoreMaximum !== 'number' || !(s.scoreMaximum > 0))) {
    errors.push('scoreMaximum must be a number > 0');
  }
  if (!(LTI_SPEC.ags.activityProgress as readonly unknown[]).includes(s.activityProgress)) {
    errors.push(`activityProgress must be one of ${LTI_SPEC.ags.activityProgress.join(', ')}`);
  }
  if (!(LTI_SPEC.ags.gradingProgress as readonly unknown[]).includes(s.gradingProgress)) {
    errors.push(`gradingProgress must be one of ${LTI_SPEC.ags.gradingProgress.join(', ')}`);
  }
  if (s.comment !== undefined && s.comment !== null && typeof s.comment !== 'string') errors.push('comment must be a string');

  let timestampMs = NaN;
  if (typeof s.timestamp !== 'string' || !ISO_8601.test(s.timestamp)) {
    errors.push('timestamp is required, ISO 8601 with a time zone');
  } else {
    timestampMs = Date.parse(s.timestamp);
    if (Number.isNaN(timestampMs)) errors.push('timestamp is not a valid date');
    if (!/\.\d+/.test(s.timestamp)) warnings.push('timestamp has no sub-second precision');
  }

  if (errors.length) return { ok: false, errors };
  return { ok: true, score: s as unknown as AgsScore, timestampMs, warnings };
}
