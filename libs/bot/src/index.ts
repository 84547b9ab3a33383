// Public API of @o2o/bot. For now: language understanding only (the conversation engine comes next; it must
// stay free of botbuilder, which lives in the channel plugin).
export { NluService, type NluServiceOptions, type NluTrainingReport } from './nlu/nlu.service';
export { CatalogueEntityExtractor } from './nlu/catalogue-entity.extractor';
export { resolveDateRange, type DateResolveOptions } from './nlu/date-range.resolver';
export { extractLinkCode, type LinkCodeMatch } from './nlu/link-code.extractor';
export { extractOrdinal, type OrdinalMatch } from './nlu/ordinal.extractor';
export { resolveLanguage, languageOfLocale } from './nlu/language.resolver';
export type { IntentCorpus, IntentTrainingReport } from './nlu/intent.classifier';
export {
  INTENTS,
  NLU_LANGUAGES,
  type CatalogueCity,
  type CatalogueCourse,
  type CatalogueMatch,
  type CatalogueTopic,
  type DateRange,
  type IntentName,
  type IntentScore,
  type LocalizedNames,
  type NluCatalogue,
  type NluEntities,
  type NluIntent,
  type NluLanguage,
  type NluResult,
  type UnderstandOptions,
} from './nlu/nlu.types';
