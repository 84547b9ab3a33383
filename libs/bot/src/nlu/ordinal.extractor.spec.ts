import { extractOrdinal } from './ordinal.extractor';

describe('extractOrdinal', () => {
  it.each([
    ['the second one', 2, 'the second one'],
    ['book the first one please', 1, 'the first one'],
    ['tell me more about the 3rd', 3, 'the 3rd'],
    ['second session', 2, 'second'],
    ['cancel the last one', -1, 'the last one'],
    ['second', 2, 'second'],
    ['2nd', 2, '2nd'],
    ['number 4', 4, 'number 4'],
    ['option 2 please', 2, 'option 2'],
    ['#3', 3, '#3'],
    ['2', 2, '2'],
    ['第二个', 2, '第二个'],
    ['报名第3场', 3, '第3场'],
    ['第十二个', 12, '第十二个'],
    ['第一', 1, '第一'],
    ['最后一个', -1, '最后一个'],
    ['我要取消最后那场', -1, '最后那场'],
  ])('%s → %d', (text, value, matched) => {
    expect(extractOrdinal(text)).toMatchObject({ value, text: matched });
  });

  it.each([
    'how long does the workshop last',
    'is this my first time',
    'wait a second, I need to check',
    'my code is 4F7K2Q',
    'any workshops on Dec 12',
    '第二天有课吗',
    '第一次参加',
    'I have 2 questions',
  ])('finds nothing in %s', (text) => {
    expect(extractOrdinal(text)).toBeUndefined();
  });

  it('gives offsets into the original text', () => {
    expect(extractOrdinal('please book the second one for me')).toMatchObject({ start: 12, end: 26 });
  });
});
