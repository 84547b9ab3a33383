import { MoodleLmsPlugin } from './moodle-lms.plugin';

describe('MoodleLmsPlugin', () => {
  const moodle = new MoodleLmsPlugin();
  it('normalises full-URI and short roles, the locale and the context', () => {
    const claims = moodle.normalizeClaims({
      'https://purl.imsglobal.org/spec/lti/claim/roles': [
        'http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator',
        'http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor',
        'Learner',
      ],
      'https://purl.imsglobal.org/spec/lti/claim/context': { id: '42', title: 'Python Basics' },
      'https://purl.imsglobal.org/spec/lti/claim/launch_presentation': { locale: 'zh_cn' },
    });
    expect(claims).toEqual({
      roles: ['administrator', 'instructor', 'learner'], locale: 'zh-cn', courseId: '42', courseTitle: 'Python Basics',
    });
  });
  it('accepts a launch with no roles and no context', () => {
    expect(moodle.normalizeClaims({ 'https://purl.imsglobal.org/spec/lti/claim/roles': [''] }).roles).toEqual([]);
  });
  it('recognises a Moodle platform by its product family', () => {
    expect(moodle.recognises({ productFamilyCode: 'moodle' })).toBe(true);
    expect(moodle.recognises({ productFamilyCode: 'canvas' })).toBe(false);
  });
});
