import { LearningEventType } from '../learning-event-type';

const ADL = 'http://adlnet.gov/expapi/verbs/';
const VIDEO = 'https://w3id.org/xapi/video/verbs/';
const AS = 'http://activitystrea.ms/schema/1.0/';
const TINCAN = 'http://id.tincanapi.com/verb/';

/**
 * Verb IRI → event type. Meaning comes from the IRI only (xAPI §2.4.3: never from `display`), so unknown IRIs
 * become `other` rather than being guessed from their last path segment. Sources: ADL verbs, the xAPI Video
 * profile, Activity Streams and the Tin Can registry, plus those Moodle's logstore_xapi emits.
 */
export const XAPI_VERB_MAP: Readonly<Record<string, LearningEventType>> = {
  [`${ADL}launched`]: 'launched',
  // cmi5 and the video profile open every session with `initialized`; for features it is a launch.
  [`${ADL}initialized`]: 'launched',
  // The end of a session says nothing about progress or outcome.
  [`${ADL}terminated`]: 'other',
  [`${ADL}exited`]: 'other',
  [`${ADL}experienced`]: 'viewed',
  [`${TINCAN}viewed`]: 'viewed',
  [`${AS}watch`]: 'viewed',
  [`${AS}access`]: 'viewed',
  [`${AS}read`]: 'viewed',
  // Progress is movement through content; the amount (if any) stays in the raw statement's extensions.
  [`${ADL}progressed`]: 'navigated',
  [`${VIDEO}seeked`]: 'navigated',
  [`${ADL}completed`]: 'completed',
  [`${ADL}passed`]: 'passed',
  [`${ADL}mastered`]: 'passed',
  [`${ADL}failed`]: 'failed',
  [`${ADL}scored`]: 'scored',
  [`${ADL}answered`]: 'submitted',
  [`${AS}submit`]: 'submitted',
  [`${ADL}attempted`]: 'attempted',
  [`${VIDEO}played`]: 'media_played',
  [`${VIDEO}paused`]: 'media_paused',
  [`${ADL}registered`]: 'enrolled',
  [`${AS}join`]: 'enrolled',
  [`${TINCAN}enrolled`]: 'enrolled',
  [`${AS}purchase`]: 'purchased',
  [`${TINCAN}purchased`]: 'purchased',
  [`${TINCAN}rated`]: 'rated',
  [`${AS}rate`]: 'rated',
  'https://brindlewaye.com/xAPITerms/verbs/loggedin/': 'logged_in',
  'https://w3id.org/xapi/adl/verbs/logged-in': 'logged_in',
};

const VIDEO_ACTIVITY_TYPE = 'https://w3id.org/xapi/video/activity-type/video';
const VIDEO_PROFILE = 'https://w3id.org/xapi/video';

export interface VerbMappingContext {
  activityType?: string;
  categoryIds?: readonly string[];
  /** Tenant- or deployment-specific additions; they win over the built-in map. */
  extraVerbs?: Readonly<Record<string, LearningEventType>>;
}

/** The event type for a verb; `completed` on a video (video profile) is `media_completed`. */
export function mapXapiVerb(verbId: string, context: VerbMappingContext = {}): LearningEventType {
  const type = context.extraVerbs?.[verbId] ?? XAPI_VERB_MAP[verbId] ?? 'other';
  const isVideo =
    context.activityType === VIDEO_ACTIVITY_TYPE || (context.categoryIds ?? []).includes(VIDEO_PROFILE);
  return type === 'completed' && isVideo ? 'media_completed' : type;
}
