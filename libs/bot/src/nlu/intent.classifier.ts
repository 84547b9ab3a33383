import { NeuralNetwork } from 'node-nlp';
import { INTENTS, type NluIntent, type NluLanguage } from './nlu.types';
import { featurize } from './utterance.featurizer';

/** A versioned training corpus (`corpus/<lang>.json`); `none` holds out-of-scope utterances. */
export interface IntentCorpus {
  language: NluLanguage;
  intents: Partial<Record<NluIntent, string[]>>;
}

export interface LabelScore {
  intent: NluIntent;
  score: number;
}

export interface Classification {
  /** Labels best first; empty when the utterance shares no feature with the corpus. */
  ranked: LabelScore[];
  /**
   * Share of the utterance's words (Chinese: characters) seen in the corpus. A closed-set classifier must
   * put every message somewhere; when most of it is unknown ("米饭怎么煮") its pick means little.
   */
  coverage: number;
  /**
   * The strongest raw network output. Each output was trained towards 1 for its intent, so a winner at 0.2
   * wins only because everything else is lower: normalised scores hide that ("我有问题" → confirm_yes 0.99).
   */
  activation: number;
}

// Out-of-scope small talk is a class of its own: without it the network must spread "what's the weather"
// over real intents and sometimes does so confidently.
const LABELS: readonly NluIntent[] = [...INTENTS, 'none'];
/** Classifications remembered per (masked) utterance: people repeat themselves, and buttons send the same labels. */
const MEMO_SIZE = 5000;

export interface IntentTrainingReport {
  language: NluLanguage;
  utterances: number;
  features: number;
  iterations: number;
  error: number;
  ms: number;
}

/**
 * One language's intent classifier: node-nlp's single-layer network (the one NlpManager trains) over our own
 * features (see utterance.featurizer.ts). Training is deterministic: the network starts from zero weights and
 * sees the corpus in the fixed LABELS order, so the same corpus always gives the same model.
 */
export class IntentClassifier {
  private network?: NeuralNetwork;
  private readonly known = new Set<string>();
  private readonly memo = new Map<string, Classification>();

  constructor(readonly language: NluLanguage) {}

  get trained(): boolean {
    return this.network !== undefined;
  }

  train(corpus: IntentCorpus): IntentTrainingReport {
    if (corpus.language !== this.language) {
      throw new Error(`corpus is for '${corpus.language}', classifier for '${this.language}'`);
    }
    const started = performance.now();
    this.known.clear();
    this.memo.clear();
    const samples: Array<{ input: Record<string, number>; output: Record<string, number> }> = [];
    for (const intent of LABELS) {
      for (const utterance of corpus.intents[intent] ?? []) {
        const { features } = featurize(utterance, this.language);
        features.forEach((f) => this.known.add(f));
        samples.push({ input: toInput(features), output: { [intent]: 1 } });
      }
    }
    if (samples.length === 0) throw new Error(`corpus '${this.language}' has no utterances`);
    // Defaults of nlp.js except a lower iteration cap: the loss plateaus after a few hundred epochs on corpora
    // of this size, and the cap bounds start-up time if a corpus ever stops converging.
    const network = new NeuralNetwork({ iterations: 2000 });
    const status = network.train(samples);
    this.network = network;
    return {
      language: this.language,
      utterances: samples.length,
      features: this.known.size,
      iterations: status.iterations,
      error: status.error,
      ms: Math.round(performance.now() - started),
    };
  }

  /**
   * Scores are the network outputs squared and normalised to sum to 1 (as nlp.js does), so one dominant
   * intent scores near 1 and a split between two shows up as two mid scores.
   */
  classify(text: string): Classification {
    if (!this.network) throw new Error(`intent classifier '${this.language}' is not trained`);
    // The model is fixed once trained, so the same text always classifies the same way; callers only read the result.
    let result = this.memo.get(text);
    if (!result) {
      result = Object.freeze(this.run(text));
      if (this.memo.size >= MEMO_SIZE) this.memo.delete(this.memo.keys().next().value!);
      this.memo.set(text, result);
    }
    return result;
  }

  private run(text: string): Classification {
    const network = this.network!;
    const { units, features } = featurize(text, this.language);
    const coverage = units.length === 0 ? 0 : units.filter((u) => this.known.has(u)).length / units.length;
    const known = features.filter((f) => this.known.has(f));
    const raw = known.length === 0 ? {} : (network.run(toInput(known)) ?? {});
    const activation = Math.max(0, ...Object.values(raw));
    return { ranked: this.rank(raw), coverage, activation };
  }

  private rank(raw: Record<string, number>): LabelScore[] {
    let total = 0;
    const scored: LabelScore[] = [];
    for (const intent of LABELS) {
      const value = (raw[intent] ?? 0) ** 2;
      total += value;
      scored.push({ intent, score: value });
    }
    if (total === 0) return [];
    return scored
      .map((s) => ({ intent: s.intent, score: s.score / total }))
      .filter((s) => s.score > 0)
      .sort((a, b) => b.score - a.score || LABELS.indexOf(a.intent) - LABELS.indexOf(b.intent));
  }
}

function toInput(features: string[]): Record<string, number> {
  const input: Record<string, number> = {};
  for (const feature of features) input[feature] = 1;
  return input;
}
