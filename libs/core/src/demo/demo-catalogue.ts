import type { SessionFormat } from '../sessions/offline-session.entity';

/** A small, realistic catalogue for the embedded demo: bilingual course platform with hands-on sessions. */
export const DEMO_COURSES = [
  { externalId: 'py-101', title: 'Python Basics / Python 入门', topic: 'python', language: 'zh-CN' },
  { externalId: 'da-201', title: 'Data Analysis with pandas / pandas 数据分析', topic: 'data-analysis', language: 'zh-CN' },
  { externalId: 'ml-301', title: 'Machine Learning 101 / 机器学习入门', topic: 'machine-learning', language: 'en' },
  { externalId: 'ux-110', title: 'UX Design Fundamentals / 用户体验设计', topic: 'design', language: 'en' },
];

export const DEMO_VENUES = [
  { name: 'Jing\'an Maker Space / 静安创客空间', city: 'Shanghai', address: '1 Nanjing West Rd', capacity: 24, costMinor: 180000 },
  { name: 'Xuhui Learning Lab / 徐汇学习实验室', city: 'Shanghai', address: '88 Caoxi Rd', capacity: 12, costMinor: 90000 },
  { name: 'Zhongguancun Hub / 中关村学习中心', city: 'Beijing', address: '5 Haidian St', capacity: 30, costMinor: 200000 },
  { name: 'Nanshan Code Room / 南山编程室', city: 'Shenzhen', address: '9 Keyuan Rd', capacity: 16, costMinor: 120000 },
  { name: 'West Lake Study Loft / 西湖自习阁', city: 'Hangzhou', address: '3 Beishan Rd', capacity: 10, costMinor: 60000 },
];

export const DEMO_SESSION_PLANS: {
  course: string; venue: number; format: SessionFormat; title: string; dayOffset: number; hour: number; hours: number;
  capacity: number; waitlist: number; price: number; instructor: string; language: string;
}[] = [
  { course: 'py-101', venue: 0, format: 'workshop', title: 'Python hands-on: your first data script / Python 实操:第一个数据脚本', dayOffset: 8, hour: 14, hours: 3, capacity: 20, waitlist: 10, price: 199, instructor: 'Li Wei', language: 'zh-CN' },
  { course: 'py-101', venue: 3, format: 'study_group', title: 'Python study group / Python 学习小组', dayOffset: 9, hour: 10, hours: 2, capacity: 8, waitlist: 4, price: 0, instructor: 'Chen Jing', language: 'zh-CN' },
  { course: 'da-201', venue: 1, format: 'lab', title: 'pandas lab: cleaning real sales data / pandas 实验:清洗真实销售数据', dayOffset: 15, hour: 14, hours: 3, capacity: 12, waitlist: 6, price: 299, instructor: 'Wang Fang', language: 'zh-CN' },
  { course: 'da-201', venue: 2, format: 'workshop', title: 'Dashboards in an afternoon / 一个下午做出数据看板', dayOffset: 16, hour: 13, hours: 4, capacity: 25, waitlist: 10, price: 349, instructor: 'Zhao Lei', language: 'zh-CN' },
  { course: 'ml-301', venue: 2, format: 'bootcamp', title: 'ML weekend bootcamp / 机器学习周末训练营', dayOffset: 22, hour: 9, hours: 8, capacity: 30, waitlist: 15, price: 1299, instructor: 'Dr. Sun', language: 'en' },
  { course: 'ml-301', venue: 0, format: 'lab', title: 'Model evaluation lab / 模型评估实验课', dayOffset: 23, hour: 14, hours: 3, capacity: 16, waitlist: 8, price: 399, instructor: 'Dr. Sun', language: 'en' },
  { course: 'ux-110', venue: 4, format: 'workshop', title: 'Paper prototyping workshop / 纸面原型工作坊', dayOffset: 10, hour: 14, hours: 3, capacity: 10, waitlist: 5, price: 159, instructor: 'Emma Zhou', language: 'en' },
  { course: 'ux-110', venue: 1, format: 'study_group', title: 'Usability testing study group / 可用性测试学习小组', dayOffset: 17, hour: 19, hours: 2, capacity: 6, waitlist: 3, price: 0, instructor: 'Emma Zhou', language: 'en' },
];

export const DEMO_CITIES = ['Shanghai', 'Shanghai', 'Beijing', 'Shenzhen', 'Hangzhou'];
