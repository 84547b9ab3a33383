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

describe('Moodle registration rules', () => {
  const moodle = new MoodleLmsPlugin();
  const CONFIG = 'https://purl.imsglobal.org/spec/lti-tool-configuration';
  it('makes the registration domain the target link domain and asks for no e-mail', () => {
    const request = moodle.registrationRequest({
      [CONFIG]: { domain: 'tool.example', target_link_uri: 'https://www.tool.example:8443/lti/launch', claims: ['sub', 'name', 'email'] },
    });
    expect(request[CONFIG]).toMatchObject({ domain: 'tool.example:8443', claims: ['sub', 'name'] });
  });
  it('gives setup notes in both languages', () => {
    expect(moodle.setupHints('en')[0]).toContain('Add LTI Advantage');
    expect(moodle.setupHints('zh-CN')[0]).toContain('添加 LTI Advantage');
  });
});
