/** IMS Caliper Analytics 1.2 shapes (envelope §5.2, event §2.1, entity §2.2) as accepted after validation. */
export const CALIPER_V1P2_CONTEXT = 'http://purl.imsglobal.org/ctx/caliper/v1p2';

export interface CaliperEntity {
  id: string;
  type: string;
  [property: string]: unknown;
}

/** Caliper lets any entity be sent in full or as its IRI. */
export type CaliperEntityRef = string | CaliperEntity;

export interface CaliperEvent {
  '@context': string | unknown[];
  id: string;
  type: string;
  profile?: string;
  actor: CaliperEntityRef;
  action: string;
  object: CaliperEntityRef;
  eventTime: string;
  target?: CaliperEntityRef;
  generated?: CaliperEntityRef;
  edApp?: CaliperEntityRef;
  referrer?: CaliperEntityRef;
  group?: CaliperEntityRef;
  membership?: CaliperEntityRef;
  session?: CaliperEntityRef;
  federatedSession?: CaliperEntityRef;
  extensions?: Record<string, unknown>;
}

/** An entity "describe" sent on its own in `data` (allowed beside events). */
export type CaliperEntityDescribe = CaliperEntity & { '@context': string | unknown[] };

export interface CaliperEnvelope {
  sensor: string;
  sendTime: string;
  dataVersion: string;
  data: Array<CaliperEvent | CaliperEntityDescribe>;
}
