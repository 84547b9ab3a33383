import { CatalogueEntityExtractor } from './catalogue-entity.extractor';
import { TEST_CATALOGUE } from './catalogue.fixture';
import type { NluCatalogue } from './nlu.types';

describe('CatalogueEntityExtractor', () => {
  const extractor = new CatalogueEntityExtractor(TEST_CATALOGUE);

  it('finds topic and city in English, with offsets into the original text', () => {
    const text = 'any hands-on Python workshop in Shanghai this weekend?';
    const e = extractor.extract(text);
    expect(e.topic).toEqual({ id: 'topic-python', text: 'Python', score: 1, start: 13, end: 19 });
    expect(e.city).toMatchObject({ id: 'city-sh', text: 'Shanghai', score: 1 });
    expect(text.slice(e.city!.start, e.city!.end)).toBe('Shanghai');
  });

  it.each([
    ['在上海', 'city-sh'],
    ['上海有工作坊吗', 'city-sh'],
    ['北京有吗', 'city-bj'],
    ['北京市的训练营', 'city-bj'],
    ['上海市', 'city-sh'],
    ['anything in peking', 'city-bj'],
    ['workshops in SHANGHAI', 'city-sh'],
    ['ｓｈａｎｇｈａｉ', 'city-sh'],
  ])('city in %s', (text, id) => {
    expect(extractor.extract(text).city?.id).toBe(id);
  });

  it('tolerates one typo in a long topic word but never in a city (Xuzhou is not Suzhou)', () => {
    expect(extractor.extract('pyhton workshops').topic).toMatchObject({ id: 'topic-python', score: 0.8 });
    expect(extractor.extract('anything in Changzhou').city).toBeUndefined();
  });

  it('matches Chinese topic names and aliases on word boundaries only for Latin names', () => {
    expect(extractor.extract('有没有机器学习的活动').topic?.id).toBe('topic-ml');
    expect(extractor.extract('any ML study groups').topic?.id).toBe('topic-ml');
    expect(extractor.extract('html and xml basics').topic).toBeUndefined();
    expect(extractor.extract('我想学Java').topic?.id).toBe('topic-java');
    expect(extractor.extract('JavaScript labs').topic?.id).toBe('topic-js');
  });

  it('matches a course by title or alias, exactly (score 1)', () => {
    expect(extractor.extract('workshops for Python for Data Analysis').course).toMatchObject({ id: 'course-pda', score: 1 });
    expect(extractor.extract('我的Python数据分析有线下课吗').course).toMatchObject({ id: 'course-pda', score: 1 });
    expect(extractor.extract('PDA offline options').course).toMatchObject({ id: 'course-pda', score: 1 });
  });

  it('a topic inside an exactly matched course title belongs to the course', () => {
    const e = extractor.extract('workshops for Python for Data Analysis');
    expect(e.topic).toBeUndefined();
  });

  it('matches a course fuzzily by its meaningful words, with a score below 1', () => {
    const e = extractor.extract('does my python data analysis course have labs');
    expect(e.course?.id).toBe('course-pda');
    expect(e.course!.score).toBeLessThan(1);
    expect(e.course!.score).toBeGreaterThanOrEqual(0.6 * 0.9);
    expect(extractor.extract('the full stack web developement course').course?.id).toBe('course-web');
    expect(extractor.extract('我的机器学习基础课').course?.id).toBe('course-ml');
    expect(extractor.extract('Excel 高效办公 有线下吗').course?.id).toBe('course-excel');
  });

  it('reports near-equal course candidates as alternatives instead of guessing silently', () => {
    const catalogue: NluCatalogue = {
      topics: [],
      cities: [],
      courses: [
        { id: 'a', title: 'Python Basics', aliases: ['python course'] },
        { id: 'b', title: 'Python Web', aliases: ['python course'] },
      ],
    };
    const e = new CatalogueEntityExtractor(catalogue).extract('offline options for my python course');
    expect(e.course?.id).toBe('a');
    expect(e.courseAlternatives?.map((c) => c.id)).toEqual(['b']);
  });

  it('finds nothing in unrelated text', () => {
    expect(extractor.extract('what should I bring')).toEqual({});
    expect(extractor.extract('需要带什么')).toEqual({});
  });

  it('follows a changed catalogue without retraining: a new extractor sees the new city', () => {
    const next: NluCatalogue = { ...TEST_CATALOGUE, cities: [...TEST_CATALOGUE.cities, { id: 'city-su', names: { en: 'Suzhou', zh: '苏州' } }] };
    expect(extractor.extract('苏州有工作坊吗').city).toBeUndefined();
    expect(new CatalogueEntityExtractor(next).extract('苏州有工作坊吗').city?.id).toBe('city-su');
  });
});
