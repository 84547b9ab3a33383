import type { FeatureEncoder } from '../../features/feature-encoder';
import type { FeatureInput, LearnerFeatures, PairFeatures, SessionFeatures } from '../../features/feature-input';

/** Distinct parts of many learner × session pairs; `index` holds (learner, session, pair) positions per row. */
export interface PairParts {
  learners: readonly LearnerFeatures[];
  sessions: readonly SessionFeatures[];
  pairs: readonly PairFeatures[];
  /** 3 × rows entries: indices into learners, sessions and pairs for each row. */
  index: Int32Array;
}

/**
 * Encoded rows for many pairs built from their distinct parts. Columns come in FEATURE_LIST order — all learner
 * columns, then session, then pair — and normalisation is per column, so each part can be encoded once and
 * copied into every row that uses it, and each part encodes only its own group's columns. 3,000 learners × 60
 * sessions encode ~27k part rows instead of 180k rows; one learner × 1,000 suggestion candidates encodes the
 * learner once, the pair once per topic and only the session columns per candidate.
 */
export function encodePairRows(encoder: FeatureEncoder, parts: PairParts): Float32Array {
  const rows = parts.index.length / 3;
  const width = encoder.width;
  if (rows === 0) return new Float32Array(0);
  const range = (group: string) => {
    const first = encoder.columns.findIndex((c) => c.startsWith(`${group}.`));
    let last = first;
    while (last + 1 < width && encoder.columns[last + 1].startsWith(`${group}.`)) last++;
    return [first, last + 1] as const;
  };
  const [l0, l1] = range('learner');
  const [s0, s1] = range('session');
  const [p0, p1] = range('pair');
  if (l0 !== 0 || s0 !== l1 || p0 !== s1 || p1 !== width) throw new Error('encoder columns are not grouped learner | session | pair');
  const filler: FeatureInput = { learner: parts.learners[0], session: parts.sessions[0], pair: parts.pairs[0] };
  const learnerRows = encoder.encodeGroupBatch('learner', parts.learners.map((learner) => ({ ...filler, learner })));
  const sessionRows = encoder.encodeGroupBatch('session', parts.sessions.map((session) => ({ ...filler, session })));
  const pairRows = encoder.encodeGroupBatch('pair', parts.pairs.map((pair) => ({ ...filler, pair })));
  const out = new Float32Array(rows * width);
  const { index } = parts;
  // Plain loops: subarray() would allocate three views per row, 300k short-lived objects for 100k rows.
  for (let r = 0; r < rows; r++) {
    const at = r * width;
    const l = index[3 * r] * width;
    const s = index[3 * r + 1] * width;
    const p = index[3 * r + 2] * width;
    for (let c = 0; c < l1; c++) out[at + c] = learnerRows[l + c];
    for (let c = s0; c < s1; c++) out[at + c] = sessionRows[s + c];
    for (let c = p0; c < p1; c++) out[at + c] = pairRows[p + c];
  }
  return out;
}
