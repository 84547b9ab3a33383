import { LearningEventType } from '../learning-event-type';

/**
 * Event type → action → normalised type, for the events a course platform sends (Caliper 1.2 profiles:
 * Session, Navigation/Reading, Assessment, Assignable, Grading, Media). Combinations not listed (LoggedOut,
 * Paused assessments, instructor-side Activated/Deactivated/Reviewed, media volume changes…) are valid Caliper
 * but carry no learning signal we use; they are stored raw and counted as unsupported.
 */
export const CALIPER_EVENT_MAP: Readonly<Record<string, Readonly<Record<string, LearningEventType>>>> = {
  SessionEvent: { LoggedIn: 'logged_in' },
  NavigationEvent: { NavigatedTo: 'navigated' },
  ViewEvent: { Viewed: 'viewed' },
  AssessmentEvent: { Started: 'attempted', Submitted: 'submitted' },
  AssignableEvent: { Started: 'attempted', Completed: 'completed', Submitted: 'submitted' },
  GradeEvent: { Graded: 'scored' },
  MediaEvent: { Started: 'media_played', Resumed: 'media_played', Paused: 'media_paused', Ended: 'media_completed' },
};

export function mapCaliperAction(eventType: string, action: string): LearningEventType | undefined {
  return CALIPER_EVENT_MAP[eventType]?.[action];
}
