// Public API of @o2o/bot: the conversation engine (no botbuilder import: that lives in the channel plugin),
// its module and schema for the host, and the language understanding it is built on.
export { BotModule } from './bot.module';
export { BOT_ENTITIES, BOT_SCHEMA } from './bot.schema';
export { ConversationEngine } from './engine/conversation.engine';
export { UserLinkStore } from './state/user-link.store';
export { ProactiveScheduler } from './proactive/proactive.scheduler';
export { planSendTime, quietWindowAt, type QuietHours } from './proactive/quiet-hours.util';
export * from './proactive/proactive-job.names';
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
