import { FeatureEncoder } from '../../features/feature-encoder';
import type { FeatureInput } from '../../features/feature-input';
import { buildSyntheticExamples } from '../../synthetic/synthetic-examples';
import { generateSyntheticWorld } from '../../synthetic/synthetic-data.generator';
import { encodePairRows } from './pair-rows.encoder';

describe('encodePairRows', () => {
  it('gives exactly the rows encodeBatch gives for the assembled inputs', () => {
    const examples = buildSyntheticExamples(generateSyntheticWorld({ seed: 3, learners: 60 }));
    const inputs = examples.map((e) => e.input);
    const encoder = FeatureEncoder.fit(inputs);
    const learners = inputs.slice(0, 7).map((i) => i.learner);
    const sessions = inputs.slice(7, 12).map((i) => i.session);
    const pairs = inputs.slice(12, 15).map((i) => i.pair);
    const index: number[] = [];
    const assembled: FeatureInput[] = [];
    for (let l = 0; l < learners.length; l++) {
      for (let s = 0; s < sessions.length; s++) {
        const p = (l + s) % pairs.length;
        index.push(l, s, p);
        assembled.push({ learner: learners[l], session: sessions[s], pair: pairs[p] });
      }
    }
    const rows = encodePairRows(encoder, { learners, sessions, pairs, index: Int32Array.from(index) });
    expect(Array.from(rows)).toEqual(Array.from(encoder.encodeBatch(assembled)));
  });
});
