/**
 * Values of one categorical feature kept as their own one-hot columns; anything else falls into a single
 * out-of-vocabulary column. Fitted on training data and saved with the normalisation stats so that the
 * column a value maps to never changes for a trained model.
 */
export class CategoricalVocabulary {
  private readonly index: Map<string, number>;

  constructor(
    readonly feature: string,
    readonly values: readonly string[],
  ) {
    this.index = new Map(values.map((v, i) => [v, i]));
  }

  /** The most frequent values (ties broken alphabetically so refits on the same data are identical). */
  static fit(feature: string, observed: Iterable<string>, maxSize: number): CategoricalVocabulary {
    const counts = new Map<string, number>();
    for (const value of observed) counts.set(value, (counts.get(value) ?? 0) + 1);
    const values = [...counts.entries()]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
      .slice(0, maxSize)
      .map(([value]) => value);
    return new CategoricalVocabulary(feature, values);
  }

  /** Number of columns: one per value plus the out-of-vocabulary column. */
  get width(): number {
    return this.values.length + 1;
  }

  /** Column offset within this feature's block; unknown values map to the last column. */
  columnOf(value: string): number {
    return this.index.get(value) ?? this.values.length;
  }
}
