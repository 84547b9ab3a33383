import { cityLabel } from '@o2o/model';
import type { ReasonCode } from './reason-factors';

/** Facts a reason may quote; absent facts make their clause drop out rather than print a placeholder. */
export interface ReasonFacts {
  courseTitle?: string;
  /** 0..1 share of the course finished. */
  courseProgress?: number;
  completionRate: number;
  learnerCity: string | null;
  sessionCity: string;
  distanceKm: number | null;
  pastAttendance: number;
  pastMeanRating: number | null;
  weekday: number;
  hour: number;
  format: string;
  price: number;
  instructor: string | null;
  topic: string;
}

const WEEKDAYS_EN = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const WEEKDAYS_ZH = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'];
const FORMATS: Record<string, [string, string]> = {
  workshop: ['workshop', '工作坊'], lab: ['lab', '实验课'], study_group: ['study group', '学习小组'],
  bootcamp: ['bootcamp', '训练营'], lecture: ['lecture', '讲座'], office_hours: ['office hour', '答疑课'],
};

/** Bilingual titles are stored as "Python Basics / Python 入门"; each reader gets their half. */
function titleFor(title: string, locale: 'en' | 'zh-CN'): string {
  const [en, zh] = title.split(' / ');
  return locale === 'zh-CN' ? (zh ?? en) : en;
}

function partOfDay(hour: number): [string, string] {
  if (hour < 12) return ['morning', '上午'];
  if (hour < 18) return ['afternoon', '下午'];
  return ['evening', '晚上'];
}

/** One clause per code in both languages, or null when the facts to say it are missing. */
function clause(code: ReasonCode, f: ReasonFacts): [string, string] | null {
  const pct = (x: number) => Math.round(x * 100);
  switch (code) {
    case 'course_progress':
      if (f.courseTitle && f.courseProgress !== undefined && f.courseProgress > 0) {
        return [`you finished ${pct(f.courseProgress)}% of ${titleFor(f.courseTitle, 'en')}`,
          `你完成了 ${titleFor(f.courseTitle, 'zh-CN')} ${pct(f.courseProgress)}% 的内容`];
      }
      if (f.courseTitle) return [`it goes with your course ${titleFor(f.courseTitle, 'en')}`, `与你的课程《${titleFor(f.courseTitle, 'zh-CN')}》配套`];
      return [`it matches the topics you study`, `与你学习的主题一致`];
    case 'completion':
      return [`you finish ${pct(f.completionRate)}% of the online lessons you start`, `你开始的线上课程完成率达 ${pct(f.completionRate)}%`];
    case 'near':
      if (f.distanceKm === null || !f.learnerCity) return null;
      if (f.distanceKm < 1) return [`you live in ${cityLabel(f.sessionCity, 'en')}`, `在${cityLabel(f.sessionCity, 'zh-CN')}`];
      return [`it is only ${Math.round(f.distanceKm)} km from ${cityLabel(f.learnerCity, 'en')}`,
        `距离${cityLabel(f.learnerCity, 'zh-CN')}仅 ${Math.round(f.distanceKm)} 公里`];
    case 'past_attendance':
      if (f.pastAttendance < 1) return null;
      return [`you attended ${f.pastAttendance} offline session${f.pastAttendance === 1 ? '' : 's'} before`, `你之前参加过 ${f.pastAttendance} 次线下活动`];
    case 'past_rating':
      if (f.pastMeanRating === null) return null;
      return [`you rated earlier sessions ${f.pastMeanRating.toFixed(1)}/5 on average`, `你对以往活动的平均评分为 ${f.pastMeanRating.toFixed(1)}/5`];
    case 'timing': {
      const [en, zh] = partOfDay(f.hour);
      return [`it is on a ${WEEKDAYS_EN[f.weekday]} ${en}`, `时间在${WEEKDAYS_ZH[f.weekday]}${zh}`];
    }
    case 'format': {
      const [en, zh] = FORMATS[f.format] ?? [f.format, f.format];
      return [`it is a hands-on ${en}`, `这是一场动手实践的${zh}`];
    }
    case 'price':
      return f.price === 0 ? ['it is free', '免费参加'] : ['its price is moderate', '价格实惠'];
    case 'instructor':
      return f.instructor ? [`learners rate ${f.instructor}'s sessions well`, `学员对 ${f.instructor} 的课程评价很好`] : null;
    case 'online_activity':
      return ['you have been learning actively online', '你最近在线学习很活跃'];
  }
}

/**
 * "Suggested because you finished 80% of Python Basics and live in Shanghai." /
 * "推荐理由:你完成了 Python 入门 80% 的内容,且在上海。" — from the factors that drove the score, best first.
 */
export function composeReason(codes: readonly ReasonCode[], facts: ReasonFacts): { en: string; 'zh-CN': string; used: ReasonCode[] } {
  const used: ReasonCode[] = [];
  const en: string[] = [];
  const zh: string[] = [];
  // Course progress and completion say the same thing twice when both drive the score.
  const deduped = codes.includes('course_progress') ? codes.filter((c) => c !== 'completion') : codes;
  for (const code of deduped) {
    const text = clause(code, facts);
    if (!text) continue;
    used.push(code);
    en.push(en.length > 0 && en[0].startsWith('you ') && text[0].startsWith('you ') ? text[0].slice(4) : text[0]);
    zh.push(text[1]);
    if (used.length === 2) break;
  }
  if (used.length === 0) {
    en.push(`it is a hands-on ${facts.topic} session that fits your learning profile`);
    zh.push(`这是一场与你的学习情况相符的${facts.topic}线下实践活动`);
  }
  return { en: `Suggested because ${en.join(' and ')}.`, 'zh-CN': `推荐理由:${zh.join(',且')}。`, used };
}
