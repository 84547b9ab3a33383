import { NlpUtil } from 'node-nlp';
import { extractLinkCode } from './link-code.extractor';
import type { NluLanguage } from './nlu.types';
import { foldWidth } from './text-width.util';

/**
 * Turns an utterance into the sparse features the intent network sees: unigrams and bigrams of "units".
 *
 * English units are node-nlp tokens (contractions expanded: "don't" → "do not") stemmed by its Porter stemmer.
 * Chinese units are single characters, not dictionary words: short chat messages segment badly with the
 * CEDICT segmenter node-nlp uses for zh (and it converts words to pinyin, merging homophones), while character
 * unigrams + bigrams are the usual robust choice for short Chinese texts and need no 9 MB dictionary at start.
 * Latin words inside Chinese text ("Python课") become English units.
 *
 * Slots are replaced by placeholder units so the model learns the shape of a request, not the names in it:
 * `{topic}`, `{course}` (a course named means "this course": its offline options, not a topic search),
 * `{city}`, `{date}`, `{ordinal}` (written in the corpora, substituted in user text by NluService from the live
 * catalogue and the extractors), and link codes and numbers (so "my code is 4F7K2Q" generalises to any code).
 */
const PLACEHOLDERS: Array<[RegExp, string]> = [
  [/\{topic\}/g, 'qqtopic'],
  [/\{course\}/g, 'qqcourse'],
  [/\{city\}/g, 'qqcity'],
  [/\{date\}/g, 'qqdate'],
  [/\{ordinal\}/g, 'qqordinal'],
];
const CODE_UNIT = 'qqcode';
const NUMBER_UNIT = 'qqnum';
const PLACEHOLDER_UNITS = new Set(['qqtopic', 'qqcourse', 'qqcity', 'qqdate', 'qqordinal', CODE_UNIT, NUMBER_UNIT]);

const CJK_CHAR = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
const ZH_UNIT = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]|[a-z0-9]+(?:'[a-z]+)?/g;
// Bigrams do not span these: a new clause starts after them.
const CLAUSE_BREAK = /[,.!?;:，。！？、；：…\n]+/;

const stemmer = NlpUtil.getStemmer('en');
const tokenizer = NlpUtil.getTokenizer('en');

export interface Featurized {
  /** Unigrams (words or characters), in order, repeats kept. */
  units: string[];
  /** Distinct unigrams and bigrams. */
  features: string[];
}

export function featurize(text: string, language: NluLanguage): Featurized {
  const clauses = prepare(text).split(CLAUSE_BREAK);
  const all: string[] = [];
  const features = new Set<string>();
  for (const clause of clauses) {
    const units = language === 'zh' ? zhUnits(clause) : enUnits(clause);
    for (let i = 0; i < units.length; i += 1) {
      features.add(units[i]);
      if (i > 0) features.add(`${units[i - 1]}_${units[i]}`);
    }
    all.push(...units);
  }
  return { units: all, features: [...features] };
}

/** Lower-case, half-width, slots, link codes and numbers replaced by placeholder words. */
function prepare(text: string): string {
  let out = foldWidth(text).toLowerCase();
  for (const [pattern, unit] of PLACEHOLDERS) out = out.replace(pattern, ` ${unit} `);
  for (let code = extractLinkCode(out); code; code = extractLinkCode(out)) {
    out = `${out.slice(0, code.start)} ${CODE_UNIT} ${out.slice(code.end)}`;
  }
  return out.replace(/(?<![a-z0-9])\d+(?![a-z0-9])/g, ` ${NUMBER_UNIT} `);
}

function enUnits(clause: string): string[] {
  const tokens = tokenizer.tokenize(clause, true).filter((t) => t.length > 0);
  return tokens.map((t) => (PLACEHOLDER_UNITS.has(t) ? t : stemmer.stem([t])[0]));
}

function zhUnits(clause: string): string[] {
  const units: string[] = [];
  for (const match of clause.matchAll(ZH_UNIT)) {
    const unit = match[0];
    units.push(CJK_CHAR.test(unit) || PLACEHOLDER_UNITS.has(unit) ? unit : stemmer.stem([unit])[0]);
  }
  return units;
}
