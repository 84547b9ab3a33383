/**
 * "Suggest what is popular": the satisfaction rate of each topic in the training split, shrunk toward the
 * overall rate so a topic seen twice does not score 0 or 1. The model has to beat this to be worth running.
 */
export class PopularityBaseline {
  private constructor(
    private readonly rates: ReadonlyMap<string, number>,
    readonly globalRate: number,
  ) {}

  /** Rows whose label is NaN are ignored; `priorStrength` is the pseudo-count of the shrinkage. */
  static fit(topics: readonly string[], labels: ArrayLike<number>, priorStrength = 5): PopularityBaseline {
    const stats = new Map<string, { pos: number; n: number }>();
    let pos = 0;
    let n = 0;
    for (let i = 0; i < topics.length; i++) {
      const y = labels[i];
      if (Number.isNaN(y)) continue;
      const s = stats.get(topics[i]) ?? { pos: 0, n: 0 };
      s.pos += y;
      s.n++;
      stats.set(topics[i], s);
      pos += y;
      n++;
    }
    const globalRate = n ? pos / n : 0.5;
    const rates = new Map<string, number>();
    for (const [topic, s] of stats) rates.set(topic, (s.pos + priorStrength * globalRate) / (s.n + priorStrength));
    return new PopularityBaseline(rates, globalRate);
  }

  predict(topics: readonly string[]): Float32Array {
    return Float32Array.from(topics, (t) => this.rates.get(t) ?? this.globalRate);
  }
}
