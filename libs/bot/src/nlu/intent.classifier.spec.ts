import { IntentClassifier, type IntentCorpus } from './intent.classifier';

const corpus: IntentCorpus = {
  language: 'en',
  intents: {
    greeting: ['hi', 'hello', 'good morning'],
    ask_price: ['how much is it', 'what is the price', 'is it free'],
    none: ['tell me a joke', 'what is the weather'],
  },
};

describe('IntentClassifier', () => {
  it('ranks intents with scores summing to 1, and reports training figures', () => {
    const classifier = new IntentClassifier('en');
    const report = classifier.train(corpus);
    expect(report).toMatchObject({ language: 'en', utterances: 8 });
    expect(report.iterations).toBeGreaterThan(0);
    const { ranked, coverage, activation } = classifier.classify('hello there');
    expect(ranked[0].intent).toBe('greeting');
    expect(ranked.reduce((sum, r) => sum + r.score, 0)).toBeCloseTo(1, 6);
    expect(coverage).toBe(0.5);
    expect(activation).toBeGreaterThan(0);
  });

  it('is deterministic', () => {
    const a = new IntentClassifier('en');
    const b = new IntentClassifier('en');
    a.train(corpus);
    b.train(corpus);
    for (const text of ['how much', 'hi', 'joke', 'price free hello']) expect(a.classify(text)).toEqual(b.classify(text));
  });

  it('returns nothing for text without a known word', () => {
    const classifier = new IntentClassifier('en');
    classifier.train(corpus);
    expect(classifier.classify('zzz qqq')).toEqual({ ranked: [], coverage: 0, activation: 0 });
  });

  it('refuses a corpus of another language and use before training', () => {
    expect(() => new IntentClassifier('zh').train(corpus)).toThrow(/corpus is for 'en'/);
    expect(() => new IntentClassifier('en').classify('hi')).toThrow(/not trained/);
  });
});
