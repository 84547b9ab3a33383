import type { ReasonCode } from './reason-factors';

/** A factor's share of one prediction: how much f falls when the factor is switched to "absent / average". */
export interface FactorDrop {
  code: ReasonCode;
  drop: number;
}

/**
 * Occlusion attribution for the rows at `indices`: for each factor, a copy of the encoded row with that
 * factor's columns zeroed (its training mean after normalisation, or "absent" for one-hot columns) is scored in
 * one batch with all others. Returns the factors by falling drop, per row index.
 */
export function attributeScores(
  predict: (rows: Float32Array, count: number) => Float32Array,
  rows: Float32Array,
  width: number,
  scores: Float32Array,
  indices: readonly number[],
  factors: readonly { code: ReasonCode; columns: number[] }[],
): Map<number, FactorDrop[]> {
  const usable = factors.filter((f) => f.columns.length > 0);
  const perturbed = new Float32Array(indices.length * usable.length * width);
  let at = 0;
  for (const i of indices) {
    const row = rows.subarray(i * width, (i + 1) * width);
    for (const factor of usable) {
      perturbed.set(row, at);
      for (const c of factor.columns) perturbed[at + c] = 0;
      at += width;
    }
  }
  const occluded = predict(perturbed, indices.length * usable.length);
  const out = new Map<number, FactorDrop[]>();
  indices.forEach((i, k) => {
    const drops = usable.map((factor, j) => ({ code: factor.code, drop: scores[i] - occluded[k * usable.length + j] }));
    out.set(i, drops.sort((a, b) => b.drop - a.drop));
  });
  return out;
}
