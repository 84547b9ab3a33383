import type { NluCatalogue } from './nlu.types';

/** A small live-like catalogue shared by the NLU specs. */
export const TEST_CATALOGUE: NluCatalogue = {
  topics: [
    { id: 'topic-python', names: { en: 'Python', zh: 'Python' } },
    { id: 'topic-ds', names: { en: 'data science', zh: '数据科学' } },
    { id: 'topic-ml', names: { en: 'machine learning', zh: '机器学习' }, aliases: ['ML'] },
    { id: 'topic-excel', names: { en: 'Excel', zh: 'Excel' } },
    { id: 'topic-java', names: { en: 'Java', zh: 'Java' } },
    { id: 'topic-js', names: { en: 'JavaScript', zh: 'JavaScript' }, aliases: ['JS'] },
  ],
  cities: [
    { id: 'city-sh', names: { en: 'Shanghai', zh: '上海' } },
    { id: 'city-bj', names: { en: 'Beijing', zh: '北京市' }, aliases: ['Peking'] },
    { id: 'city-sz', names: { en: 'Shenzhen', zh: '深圳' } },
    { id: 'city-hz', names: { en: 'Hangzhou', zh: '杭州' } },
    { id: 'city-gz', names: { en: 'Guangzhou', zh: '广州' } },
    { id: 'city-cd', names: { en: 'Chengdu', zh: '成都' } },
  ],
  courses: [
    { id: 'course-pda', title: 'Python for Data Analysis', aliases: ['PDA', 'Python数据分析'] },
    { id: 'course-ml', title: 'Machine Learning Foundations', aliases: ['机器学习基础'] },
    { id: 'course-excel', title: 'Excel 高效办公', aliases: [] },
    { id: 'course-web', title: 'Full-Stack Web Development', aliases: ['全栈开发'] },
  ],
};
