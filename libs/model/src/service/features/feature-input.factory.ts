import type { FeatureInput, SessionFeatures } from '../../features/feature-input';
import { cityDistanceKm } from './city-gazetteer';
import type { SessionFacts } from './feature-data.types';
import type { LearnerTimeline } from './learner-timeline';
import { localTime } from './local-clock';

/** Online items have no schedule, place, seats or instructor; the encoder turns the nulls into "absent". */
export const ONLINE_ITEM_FORMAT = 'online';

/** Session-side features of an offline session (or plan candidate) as seen from a learner's city. */
export function offlineSessionFeatures(session: SessionFacts, learnerCity: string | null): SessionFeatures {
  const { weekday, hour } = localTime(session.startsAt, session.timeZone);
  return {
    topic: session.topic,
    format: session.format,
    weekday,
    hour,
    price: Math.max(0, session.priceMinor) / 100,
    capacity: session.capacity,
    distanceKm: cityDistanceKm(learnerCity, session.city),
    instructor: session.instructorName,
  };
}

export function onlineItemFeatures(topic: string): SessionFeatures {
  return { topic, format: ONLINE_ITEM_FORMAT, weekday: null, hour: null, price: 0, capacity: null, distanceKm: null, instructor: null };
}

/** The model input for one learner × offline session as of instant t (ms). */
export function offlineInput(timeline: LearnerTimeline, session: SessionFacts, t: number): FeatureInput {
  return {
    learner: timeline.learnerFeatures(t),
    session: offlineSessionFeatures(session, timeline.learner.city),
    pair: timeline.pairFeatures(session.topic, t),
  };
}
