import type { CourseRow, LearnerRow, OfflineOutcomeRow, OnlineEventRow, SessionFacts } from './feature-data.types';
import { DAY_MS, LearnerTimeline } from './learner-timeline';

const T0 = Date.UTC(2026, 0, 1);
const day = (n: number) => T0 + n * DAY_MS;

const learner: LearnerRow = { id: 'l1', city: 'Shanghai', locale: 'zh-CN', createdAt: day(-30) };
const courses = new Map<string, CourseRow>([
  ['py', { id: 'py', externalId: 'py', title: 'Python Basics', topic: 'python' }],
  ['ux', { id: 'ux', externalId: 'ux', title: 'UX Design', topic: 'design' }],
]);

function event(type: string, at: number, extra: Partial<OnlineEventRow> = {}): OnlineEventRow {
  return {
    learnerId: 'l1', courseRef: 'py', activityId: 'a1', type, at, durationSeconds: null, scoreScaled: null, scoreRaw: null,
    completion: null, ...extra,
  };
}

/** Python bought on day 0; one launch, a quiz and a completion on days 1, 3 and 20; design bought on day 25. */
const events: OnlineEventRow[] = [
  event('purchased', day(0)),
  event('launched', day(1), { durationSeconds: 600 }),
  event('attempted', day(3), { activityId: 'q1', scoreScaled: 0.9, durationSeconds: 300 }),
  event('completed', day(20), { durationSeconds: 1200 }),
  event('purchased', day(25), { courseRef: 'ux' }),
];

function session(startDay: number): SessionFacts {
  return {
    id: `s${startDay}`, topic: 'python', format: 'workshop', city: 'Shanghai', startsAt: new Date(day(startDay)),
    endsAt: new Date(day(startDay) + 7_200_000), timeZone: 'Asia/Shanghai', priceMinor: 0, capacity: 10, instructorName: null, courseId: null,
  };
}

function outcome(startDay: number, rating: number | null, ratedDay: number | null): OfflineOutcomeRow {
  return {
    bookingId: `b${startDay}`, learnerId: 'l1', bookedAt: day(startDay - 5), bookingStatus: 'attended', session: session(startDay),
    attendance: 'present', attendanceAt: day(startDay), rating, ratedAt: ratedDay === null ? null : day(ratedDay), sessionHasAttendance: true,
  };
}

describe('LearnerTimeline', () => {
  it('counts only what happened strictly before the instant t', () => {
    const timeline = new LearnerTimeline(learner, events, [outcome(10, 5, 11)], courses);

    const beforeAnything = timeline.learnerFeatures(day(0.5));
    expect(beforeAnything).toMatchObject({ onlineActivityCount: 0, onlineMinutes: 0, coursesBought: 1, quizMean: 0.5, city: 'Shanghai', language: 'zh' });
    expect(timeline.hasHistory(day(-1))).toBe(false);
    expect(timeline.hasHistory(day(0.5))).toBe(true);

    // Day 5: the launch and the quiz count, the completion on day 20 does not yet.
    const early = timeline.learnerFeatures(day(5));
    expect(early).toMatchObject({ onlineActivityCount: 2, onlineMinutes: 15, quizMean: 0.9, coursesBought: 1 });
    expect(early.completionRate).toBeCloseTo(1 / 4, 12); // (0 completed + 1) / (2 started + 2)
    expect(early.recencyDays).toBeCloseTo(2, 12);

    const late = timeline.learnerFeatures(day(30));
    expect(late).toMatchObject({ onlineActivityCount: 3, onlineMinutes: 35, coursesBought: 2 });
    expect(late.completionRate).toBeCloseTo(2 / 4, 12);

    // The session on day 10 and its rating on day 11 exist only for instants after them.
    expect(timeline.pairFeatures('python', day(10))).toEqual({ topicMatch: 1, pastOfflineAttendanceCount: 0, pastMeanRating: null });
    expect(timeline.pairFeatures('python', day(10.5))).toEqual({ topicMatch: 1, pastOfflineAttendanceCount: 1, pastMeanRating: null });
    expect(timeline.pairFeatures('python', day(12))).toEqual({ topicMatch: 1, pastOfflineAttendanceCount: 1, pastMeanRating: 5 });
    // The design course bought on day 25 halves the python topic match only from then on.
    expect(timeline.pairFeatures('python', day(26)).topicMatch).toBe(0.5);
  });

  it('cuts each course at the observation point: only its first courseDays days of activity count', () => {
    const cut = new LearnerTimeline(learner, events, [], courses, { courseDays: 7 });
    const full = new LearnerTimeline(learner, events, [], courses);
    // The course starts with its purchase on day 0, so a 7-day cut keeps days 1 and 3 and drops the completion on day 20.
    expect(cut.learnerFeatures(day(30))).toMatchObject({ onlineActivityCount: 2, onlineMinutes: 15, coursesBought: 2 });
    expect(cut.learnerFeatures(day(30)).completionRate).toBeCloseTo(1 / 4, 12);
    expect(full.learnerFeatures(day(30)).onlineActivityCount).toBe(3);
    expect(cut.onlineVisits()).toEqual([expect.objectContaining({ activityId: 'a1', completed: false })]);
    expect(full.onlineVisits()).toEqual([expect.objectContaining({ activityId: 'a1', completed: true, doneAt: day(20) })]);
  });
});
