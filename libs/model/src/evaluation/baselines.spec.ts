import { SeededRandom } from '../random/seeded-random';
import { LogisticRegressionBaseline } from './logistic-regression-baseline';
import { rocAuc } from './metrics';
import { PopularityBaseline } from './popularity-baseline';

describe('baselines', () => {
  it('popularity scores topics by their shrunk training satisfaction rate, ignoring unlabelled rows', () => {
    const topics = ['a', 'a', 'a', 'a', 'b', 'b', 'c'];
    const labels = [1, 1, 1, 0, 0, 0, NaN];
    const model = PopularityBaseline.fit(topics, labels, 2);
    expect(model.globalRate).toBeCloseTo(0.5);
    const [a, b, unseen] = model.predict(['a', 'b', 'zzz']);
    expect(a).toBeCloseTo((3 + 1) / 6);
    expect(b).toBeCloseTo((0 + 1) / 4);
    expect(unseen).toBeCloseTo(0.5);
  });

  it('logistic regression learns a linear signal in plain JS', () => {
    const rng = new SeededRandom(4);
    const n = 2000;
    const width = 3;
    const rows = Float32Array.from({ length: n * width }, () => rng.normal());
    const labels = Float32Array.from({ length: n }, (_, i) =>
      rng.bernoulli(1 / (1 + Math.exp(-(2 * rows[i * width] - rows[i * width + 2])))) ? 1 : 0,
    );
    const model = LogisticRegressionBaseline.fit(rows, n, width, labels, { epochs: 10 });
    const scores = Array.from(model.predict(rows, n));
    expect(rocAuc(Array.from(labels), scores)).toBeGreaterThan(0.8);
  });
});
