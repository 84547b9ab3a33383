import { featurize } from './utterance.featurizer';

describe('featurize', () => {
  it('stems English words and adds bigrams', () => {
    const { units, features } = featurize('Cancel my bookings', 'en');
    expect(units).toEqual(['cancel', 'my', 'book']);
    expect(features).toEqual(expect.arrayContaining(['cancel', 'book', 'cancel_my', 'my_book']));
  });

  it('expands contractions', () => {
    expect(featurize("don't", 'en').units).toEqual(['do', 'not']);
  });

  it('uses Chinese characters and character pairs, Latin words stemmed', () => {
    const { units, features } = featurize('我的Python课程', 'zh');
    expect(units).toEqual(['我', '的', 'python', '课', '程']);
    expect(features).toEqual(expect.arrayContaining(['课_程', '的_python']));
  });

  it('turns slots, link codes and numbers into placeholder units', () => {
    expect(featurize('{topic} in {city} {date}, {ordinal} or {course}', 'en').units).toEqual([
      'qqtopic', 'in', 'qqcity', 'qqdate', 'qqordinal', 'or', 'qqcourse',
    ]);
    expect(featurize('my code is 4F7K2Q', 'en').units).toContain('qqcode');
    expect(featurize('验证码８３９２０１', 'zh').units).toContain('qqcode');
    expect(featurize('I have 2 questions', 'en').units).toContain('qqnum');
  });

  it('does not pair words across a clause break', () => {
    expect(featurize('no, thanks', 'en').features).not.toContain('no_thank');
    expect(featurize('不，谢谢', 'zh').features).not.toContain('不_谢');
  });
});
