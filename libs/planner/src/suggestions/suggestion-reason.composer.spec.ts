import { composeReason, ReasonFacts } from './suggestion-reason.composer';

const facts: ReasonFacts = {
  courseTitle: 'Python Basics / Python 入门', courseProgress: 0.8, completionRate: 0.7, learnerCity: 'Shanghai',
  sessionCity: 'Shanghai', distanceKm: 0, pastAttendance: 2, pastMeanRating: 4.5, weekday: 5, hour: 14, format: 'workshop',
  price: 0, instructor: 'Li Wei', topic: 'python',
};

describe('composeReason', () => {
  it('says what drove the score in both languages, best factor first', () => {
    const reason = composeReason(['course_progress', 'near', 'timing'], facts);
    expect(reason.en).toBe('Suggested because you finished 80% of Python Basics and live in Shanghai.');
    expect(reason['zh-CN']).toBe('推荐理由:你完成了 Python 入门 80% 的内容,且在上海。');
    expect(reason.used).toEqual(['course_progress', 'near']);
  });

  it('skips factors whose facts are missing, merges course progress and completion, and never prints a placeholder', () => {
    const reason = composeReason(['completion', 'course_progress', 'past_rating', 'near'], { ...facts, pastMeanRating: null, distanceKm: 12, sessionCity: 'Suzhou' });
    expect(reason.used).toEqual(['course_progress', 'near']);
    expect(reason.en).toBe('Suggested because you finished 80% of Python Basics and it is only 12 km from Shanghai.');
    expect(reason['zh-CN']).toBe('推荐理由:你完成了 Python 入门 80% 的内容,且距离上海仅 12 公里。');
    const timing = composeReason(['timing', 'format'], facts);
    expect(timing.en).toBe('Suggested because it is on a Saturday afternoon and it is a hands-on workshop.');
    expect(timing['zh-CN']).toBe('推荐理由:时间在周六下午,且这是一场动手实践的工作坊。');
    const none = composeReason(['past_rating'], { ...facts, pastMeanRating: null });
    expect(none.used).toEqual([]);
    expect(none.en).toContain('python');
    expect(none['zh-CN']).toMatch(/^推荐理由:/);
    expect(`${none.en}${none['zh-CN']}`).not.toMatch(/\{|undefined|NaN/);
  });
});
