/**
 * xAPI 1.0.3 statement shapes (Data part, §2.4). These describe statements that passed
 * `validateStatementBatch`; before that, input is `unknown`.
 */
export type LanguageMap = Record<string, string>;
export type Extensions = Record<string, unknown>;

export interface XapiAccount {
  homePage: string;
  name: string;
}

export interface XapiAgent {
  objectType?: 'Agent';
  name?: string;
  mbox?: string;
  mbox_sha1sum?: string;
  openid?: string;
  account?: XapiAccount;
}

export interface XapiGroup {
  objectType: 'Group';
  name?: string;
  member?: XapiAgent[];
  mbox?: string;
  mbox_sha1sum?: string;
  openid?: string;
  account?: XapiAccount;
}

export type XapiActor = XapiAgent | XapiGroup;

export interface XapiVerb {
  id: string;
  display?: LanguageMap;
}

export interface XapiInteractionComponent {
  id: string;
  description?: LanguageMap;
}

export interface XapiActivityDefinition {
  name?: LanguageMap;
  description?: LanguageMap;
  type?: string;
  moreInfo?: string;
  extensions?: Extensions;
  interactionType?: string;
  correctResponsesPattern?: string[];
  choices?: XapiInteractionComponent[];
  scale?: XapiInteractionComponent[];
  source?: XapiInteractionComponent[];
  target?: XapiInteractionComponent[];
  steps?: XapiInteractionComponent[];
}

export interface XapiActivity {
  objectType?: 'Activity';
  id: string;
  definition?: XapiActivityDefinition;
}

export interface XapiStatementRef {
  objectType: 'StatementRef';
  id: string;
}

export interface XapiScore {
  scaled?: number;
  raw?: number;
  min?: number;
  max?: number;
}

export interface XapiResult {
  score?: XapiScore;
  success?: boolean;
  completion?: boolean;
  response?: string;
  duration?: string;
  extensions?: Extensions;
}

export type XapiContextActivityKey = 'parent' | 'grouping' | 'category' | 'other';

export interface XapiContext {
  registration?: string;
  instructor?: XapiActor;
  team?: XapiGroup;
  /** Single activities are allowed on input (0.95 compatibility); stores SHOULD return arrays. */
  contextActivities?: Partial<Record<XapiContextActivityKey, XapiActivity | XapiActivity[]>>;
  revision?: string;
  platform?: string;
  language?: string;
  statement?: XapiStatementRef;
  extensions?: Extensions;
}

export interface XapiAttachment {
  usageType: string;
  display: LanguageMap;
  description?: LanguageMap;
  contentType: string;
  length: number;
  sha2: string;
  fileUrl?: string;
}

export interface XapiSubStatement {
  objectType: 'SubStatement';
  actor: XapiActor;
  verb: XapiVerb;
  object: XapiActivity | XapiActor | XapiStatementRef;
  result?: XapiResult;
  context?: XapiContext;
  timestamp?: string;
  attachments?: XapiAttachment[];
}

export type XapiObject = XapiActivity | XapiActor | XapiStatementRef | XapiSubStatement;

export interface XapiStatement {
  id?: string;
  actor: XapiActor;
  verb: XapiVerb;
  object: XapiObject;
  result?: XapiResult;
  context?: XapiContext;
  timestamp?: string;
  stored?: string;
  authority?: XapiActor;
  version?: string;
  attachments?: XapiAttachment[];
}
