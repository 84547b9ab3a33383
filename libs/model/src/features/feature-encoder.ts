import { CategoricalVocabulary } from './categorical-vocabulary';
import type { FeatureInput } from './feature-input';
import { FEATURE_LIST, FeatureDefinition, FeatureGroup, fnv1a, WEEKDAYS } from './feature-spec';
import { InvalidFeatureError } from './invalid-feature.error';
import { NormalizationStats, NormalizationStatsJson } from './normalization-stats';

/** Everything needed to rebuild an encoder exactly; stored next to the model weights. */
export interface FeatureEncoderState {
  version: 1;
  /** Feature names in column order, to catch a FEATURE_LIST that changed after training. */
  features: string[];
  vocabularies: Record<string, string[]>;
  stats: NormalizationStatsJson;
}

interface ColumnBlock {
  def: FeatureDefinition;
  offset: number;
  vocabulary?: CategoricalVocabulary;
}

/**
 * Turns learner × session inputs into normalised Float32Array rows, one row per input, columns laid out as
 * in FEATURE_LIST. Build one with `fit` on training inputs (fits vocabularies and normalisation stats) or
 * restore one with `fromJSON`; both are immutable afterwards.
 */
export class FeatureEncoder {
  readonly columns: readonly string[];
  private readonly blocks: ColumnBlock[];

  private constructor(
    private readonly vocabularies: ReadonlyMap<string, CategoricalVocabulary>,
    private statsOrNull: NormalizationStats | null,
  ) {
    const columns: string[] = [];
    this.blocks = FEATURE_LIST.map((def) => {
      const block: ColumnBlock = { def, offset: columns.length, vocabulary: vocabularies.get(def.name) };
      columns.push(...columnNames(def, block.vocabulary));
      return block;
    });
    this.columns = columns;
  }

  static fit(inputs: readonly FeatureInput[]): FeatureEncoder {
    const vocabularies = new Map<string, CategoricalVocabulary>();
    for (const def of FEATURE_LIST) {
      if (def.encoding.kind !== 'vocabulary') continue;
      const values = inputs.map((input) => readCategory(def, input) ?? '');
      vocabularies.set(def.name, CategoricalVocabulary.fit(def.name, values, def.encoding.maxSize));
    }
    const encoder = new FeatureEncoder(vocabularies, null);
    const raw = encoder.encodeRawBatch(inputs);
    const normalized = encoder.blocks.flatMap((b) => normalizedFlags(b.def, b.vocabulary));
    encoder.statsOrNull = NormalizationStats.fit(raw, inputs.length, encoder.columns, normalized);
    return encoder;
  }

  static fromJSON(state: FeatureEncoderState): FeatureEncoder {
    const expected = FEATURE_LIST.map((d) => d.name);
    if (state.version !== 1 || state.features.join('|') !== expected.join('|')) {
      throw new Error('Feature encoder state does not match FEATURE_LIST; retrain the model');
    }
    const vocabularies = new Map<string, CategoricalVocabulary>();
    for (const [name, values] of Object.entries(state.vocabularies)) {
      vocabularies.set(name, new CategoricalVocabulary(name, values));
    }
    const stats = NormalizationStats.fromJSON(state.stats);
    const encoder = new FeatureEncoder(vocabularies, stats);
    if (stats.columns.join('|') !== encoder.columns.join('|')) {
      throw new Error('Normalisation stats columns do not match the encoder columns');
    }
    return encoder;
  }

  toJSON(): FeatureEncoderState {
    const vocabularies: Record<string, string[]> = {};
    for (const [name, vocab] of this.vocabularies) vocabularies[name] = [...vocab.values];
    return { version: 1, features: FEATURE_LIST.map((d) => d.name), vocabularies, stats: this.stats.toJSON() };
  }

  get width(): number {
    return this.columns.length;
  }

  get stats(): NormalizationStats {
    if (!this.statsOrNull) throw new Error('FeatureEncoder is not fitted');
    return this.statsOrNull;
  }

  /** One normalised row. */
  encode(input: FeatureInput): Float32Array {
    return this.encodeBatch([input]);
  }

  /** `inputs.length` normalised rows, row-major, ready for SatisfactionModel. */
  encodeBatch(inputs: readonly FeatureInput[]): Float32Array {
    return this.stats.applyInPlace(this.encodeRawBatch(inputs), inputs.length);
  }

  /**
   * Normalised rows in which only `group`'s columns are encoded (from `inputs[i][group]`; the other groups are
   * neither read nor meaningful): for rows assembled from parts that are shared by many rows (encodePairRows).
   */
  encodeGroupBatch(group: FeatureGroup, inputs: readonly FeatureInput[]): Float32Array {
    return this.stats.applyInPlace(this.encodeRawBatch(inputs, group), inputs.length);
  }

  /** Rows before normalisation (log1p and one-hot applied); mostly for inspection and fitting. */
  encodeRawBatch(inputs: readonly FeatureInput[], group?: FeatureGroup): Float32Array {
    const out = new Float32Array(inputs.length * this.width);
    const blocks = group ? this.blocks.filter((b) => b.def.group === group) : this.blocks;
    for (let i = 0; i < inputs.length; i++) this.encodeRawInto(blocks, inputs[i], out, i * this.width);
    return out;
  }

  private encodeRawInto(blocks: readonly ColumnBlock[], input: FeatureInput, out: Float32Array, rowOffset: number): void {
    for (const { def, offset, vocabulary } of blocks) {
      const at = rowOffset + offset;
      const enc = def.encoding;
      switch (enc.kind) {
        case 'numeric':
          out[at] = transform(def, readNumber(def, input, false) as number, enc.transform);
          break;
        case 'optional-numeric': {
          const value = readNumber(def, input, true);
          out[at] = value === null ? 0 : transform(def, value, enc.transform);
          out[at + 1] = value === null ? 1 : 0;
          break;
        }
        case 'vocabulary':
          out[at + vocabulary!.columnOf(readCategory(def, input) ?? '')] = 1;
          break;
        case 'hash': {
          const value = readCategory(def, input);
          if (value !== null) out[at + (fnv1a(value) % enc.buckets)] = 1;
          break;
        }
        case 'weekday': {
          const day = readNumber(def, input, true);
          if (day === null) break;
          if (!Number.isInteger(day) || day < 0 || day > 6) {
            throw new InvalidFeatureError(def.name, day, 'must be an integer 0 (Monday) .. 6 (Sunday)');
          }
          out[at + day] = 1;
          break;
        }
        case 'cyclic': {
          const value = readNumber(def, input, true);
          if (value === null) break;
          out[at] = Math.sin((2 * Math.PI * value) / enc.period);
          out[at + 1] = Math.cos((2 * Math.PI * value) / enc.period);
          break;
        }
      }
    }
  }
}

function columnNames(def: FeatureDefinition, vocabulary?: CategoricalVocabulary): string[] {
  const enc = def.encoding;
  switch (enc.kind) {
    case 'numeric':
      return [def.name];
    case 'optional-numeric':
      return [def.name, `${def.name}:missing`];
    case 'vocabulary':
      return [...vocabulary!.values.map((v) => `${def.name}=${v}`), `${def.name}=<other>`];
    case 'hash':
      return Array.from({ length: enc.buckets }, (_, i) => `${def.name}#${i}`);
    case 'weekday':
      return WEEKDAYS.map((d) => `${def.name}=${d}`);
    case 'cyclic':
      return [`${def.name}:sin`, `${def.name}:cos`];
  }
}

function normalizedFlags(def: FeatureDefinition, vocabulary?: CategoricalVocabulary): boolean[] {
  const width = columnNames(def, vocabulary).length;
  if (def.encoding.kind === 'numeric') return [true];
  if (def.encoding.kind === 'optional-numeric') return [true, false];
  return new Array<boolean>(width).fill(false);
}

function rawValue(def: FeatureDefinition, input: FeatureInput): unknown {
  const group = input?.[def.group] as unknown as Record<string, unknown> | undefined;
  if (group == null) throw new InvalidFeatureError(def.name, group, `is missing (no "${def.group}" object)`);
  return group[def.key];
}

function readNumber(def: FeatureDefinition, input: FeatureInput, nullable: boolean): number | null {
  const value = rawValue(def, input);
  if (value === null && nullable) return null;
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new InvalidFeatureError(def.name, value);
  return value;
}

function readCategory(def: FeatureDefinition, input: FeatureInput): string | null {
  const value = rawValue(def, input);
  if (value === null) return null;
  if (typeof value !== 'string') throw new InvalidFeatureError(def.name, value, 'must be a string or null');
  return value;
}

function transform(def: FeatureDefinition, value: number, kind: 'identity' | 'log1p'): number {
  if (kind === 'identity') return value;
  if (value < 0) throw new InvalidFeatureError(def.name, value, 'must be ≥ 0');
  return Math.log1p(value);
}
