import { CatalogueEntityExtractor } from './catalogue-entity.extractor';
import enCorpus from './corpus/en.json';
import zhCorpus from './corpus/zh.json';
import { resolveDateRange } from './date-range.resolver';
import { type Classification, IntentClassifier, type IntentCorpus, type IntentTrainingReport } from './intent.classifier';
import { resolveLanguage } from './language.resolver';
import { extractLinkCode } from './link-code.extractor';
import type { IntentScore, NluCatalogue, NluEntities, NluLanguage, NluResult, UnderstandOptions } from './nlu.types';
import { extractOrdinal } from './ordinal.extractor';

export interface NluServiceOptions {
  /** Below this score the result is `none` (ask, don't act). Default 0.5. */
  threshold?: number;
  /** The best intent must lead the runner-up by this much, else `none`. Default 0.25. */
  margin?: number;
  /** How many alternatives to return at most. Default 3. */
  maxAlternatives?: number;
  /** Alternatives scoring below this are noise, not choices worth offering. Default 0.05. */
  minAlternativeScore?: number;
  /** If less than this share of the words is known to the corpus, the result is `none`. Default 0.5. */
  minCoverage?: number;
  /** If the strongest raw network output is below this, the evidence is too thin to act on. Default 0.25. */
  minActivation?: number;
  /** Training corpora; default the versioned `corpus/en.json` and `corpus/zh.json`. */
  corpora?: IntentCorpus[];
}

export interface NluTrainingReport {
  ms: number;
  languages: IntentTrainingReport[];
}

/** Texts remembered per catalogue snapshot. */
const TEXT_MEMO_SIZE = 5000;

interface TextEntities {
  catalogue?: ReturnType<CatalogueEntityExtractor['extract']>;
  ordinal?: ReturnType<typeof extractOrdinal>;
  linkCode?: ReturnType<typeof extractLinkCode>;
}

interface Span {
  start: number;
  end: number;
  placeholder: string;
}

/**
 * The bot's language understanding: intent (en + zh, trained at start from the versioned corpora), entities
 * from the live catalogue, link code, list position and date range. Pure and synchronous: no database, no
 * channel SDK; the caller passes the catalogue, clock and time zone with each message.
 *
 * Entity spans are replaced by the corpora's slot placeholders ({city}, {date}, …) before classification,
 * so "Suzhou next Saturday" reads as "{city} {date}" to the model and a new city never needs retraining.
 */
export class NluService {
  private readonly classifiers = new Map<NluLanguage, IntentClassifier>();
  // Extractors are built per catalogue snapshot; pass a new catalogue object when the catalogue changes. What an
  // extractor found in a text is remembered with it: the same catalogue and text always give the same entities.
  private readonly extractors = new WeakMap<NluCatalogue, { extractor: CatalogueEntityExtractor; memo: Map<string, TextEntities> }>();
  private readonly threshold: number;
  private readonly margin: number;
  private readonly maxAlternatives: number;
  private readonly minAlternativeScore: number;
  private readonly minCoverage: number;
  private readonly minActivation: number;
  private readonly corpora: IntentCorpus[];

  constructor(options: NluServiceOptions = {}) {
    this.threshold = options.threshold ?? 0.5;
    this.margin = options.margin ?? 0.25;
    this.maxAlternatives = options.maxAlternatives ?? 3;
    this.minAlternativeScore = options.minAlternativeScore ?? 0.05;
    this.minCoverage = options.minCoverage ?? 0.5;
    this.minActivation = options.minActivation ?? 0.25;
    this.corpora = options.corpora ?? [enCorpus as IntentCorpus, zhCorpus as IntentCorpus];
  }

  get trained(): boolean {
    return this.classifiers.size > 0;
  }

  /** Trains one classifier per corpus. Call once at start; deterministic, so every process gets the same model. */
  train(): NluTrainingReport {
    const started = performance.now();
    const languages: IntentTrainingReport[] = [];
    for (const corpus of this.corpora) {
      const classifier = new IntentClassifier(corpus.language);
      languages.push(classifier.train(corpus));
      this.classifiers.set(corpus.language, classifier);
    }
    return { ms: Math.round(performance.now() - started), languages };
  }

  understand(text: string, options: UnderstandOptions = {}): NluResult {
    if (!this.trained) throw new Error('NluService.train() must be called before understand()');
    const language = resolveLanguage(text, options.locale);
    const { entities, spans } = this.extractEntities(text, options);
    const classifier = this.classifiers.get(language) ?? this.classifiers.values().next().value!;
    return { text, language, ...this.decide(classifier.classify(mask(text, spans))), entities };
  }

  private extractEntities(text: string, options: UnderstandOptions): { entities: NluEntities; spans: Span[] } {
    const entities: NluEntities = {};
    const spans: Span[] = [];
    const found = this.textEntities(text, options.catalogue);
    if (found.catalogue) {
      Object.assign(entities, found.catalogue);
      if (entities.topic) spans.push({ ...entities.topic, placeholder: '{topic}' });
      if (entities.city) spans.push({ ...entities.city, placeholder: '{city}' });
      if (entities.course) spans.push({ ...entities.course, placeholder: '{course}' });
    }
    // Dates depend on today, so they are resolved every time.
    const dateRange = resolveDateRange(text, { now: options.now ?? new Date(), timeZone: options.timeZone ?? 'UTC' });
    if (dateRange) {
      entities.dateRange = dateRange;
      spans.push({ ...dateRange, placeholder: '{date}' });
    }
    if (found.ordinal) {
      entities.ordinal = found.ordinal.value;
      spans.push({ ...found.ordinal, placeholder: '{ordinal}' });
    }
    if (found.linkCode) entities.linkCode = found.linkCode.code;
    return { entities, spans };
  }

  /** Everything that depends on the text and the catalogue only, remembered per catalogue snapshot. */
  private textEntities(text: string, catalogue: NluCatalogue | undefined): TextEntities {
    const cached = catalogue && this.extractors.get(catalogue);
    const hit = cached?.memo.get(text);
    if (hit) return hit;
    let per = cached;
    if (catalogue && !per) {
      per = { extractor: new CatalogueEntityExtractor(catalogue), memo: new Map() };
      this.extractors.set(catalogue, per);
    }
    const found: TextEntities = Object.freeze({ catalogue: per?.extractor.extract(text), ordinal: extractOrdinal(text), linkCode: extractLinkCode(text) });
    if (per) {
      if (per.memo.size >= TEXT_MEMO_SIZE) per.memo.delete(per.memo.keys().next().value!);
      per.memo.set(text, found);
    }
    return found;
  }

  /** Acts only on a clear winner; otherwise `none` with the candidates the dialog can offer as choices. */
  private decide({ ranked, coverage, activation }: Classification): Pick<NluResult, 'intent' | 'score' | 'alternatives'> {
    const real = ranked.filter((r): r is IntentScore => r.intent !== 'none');
    const top = ranked[0];
    const runnerUp = ranked[1]?.score ?? 0;
    const confident =
      top !== undefined &&
      top.intent !== 'none' &&
      top.score >= this.threshold &&
      top.score - runnerUp >= this.margin &&
      coverage >= this.minCoverage &&
      activation >= this.minActivation;
    const offered = (list: IntentScore[]) =>
      list.filter((r) => r.score >= this.minAlternativeScore).slice(0, this.maxAlternatives).map((r) => ({ ...r, score: round(r.score) }));
    if (confident) {
      return { intent: top.intent, score: round(top.score), alternatives: offered(real.slice(1)) };
    }
    return { intent: 'none', score: round(top?.score ?? 0), alternatives: offered(real) };
  }
}

/** Replaces entity spans (longest first where they overlap) with slot placeholders. */
function mask(text: string, spans: Span[]): string {
  const chosen: Span[] = [];
  for (const span of [...spans].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start)) {
    if (chosen.every((c) => span.end <= c.start || span.start >= c.end)) chosen.push(span);
  }
  let out = text;
  for (const span of chosen.sort((a, b) => b.start - a.start)) {
    out = `${out.slice(0, span.start)} ${span.placeholder} ${out.slice(span.end)}`;
  }
  return out;
}

function round(score: number): number {
  return Math.round(score * 1000) / 1000;
}
