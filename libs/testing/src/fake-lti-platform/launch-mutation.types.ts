import type { LtiIdTokenClaims } from './id-token.builder';
import type { SignOptions } from './platform-key.store';
import type { PlatformInfo, RegisteredTool } from './fake-lti-platform.types';

/** What a mutation may look at when it breaks (or varies) an id_token. */
export interface MutationContext {
  /** The nonce the tool sent in this authentication request. */
  issuedNonce: string;
  /** Nonces of id_tokens this platform issued before, most recent first (for replay cases). */
  previousNonces: string[];
  nowSeconds: number;
  platform: PlatformInfo;
  tool: RegisteredTool;
}

/**
 * A change to one launch. `claims` edits the payload in place (or returns a replacement), `sign`
 * changes the JOSE header or key, `flow` changes what the browser does around the token.
 */
export interface LaunchMutation {
  claims?: (claims: LtiIdTokenClaims, ctx: MutationContext) => LtiIdTokenClaims | void;
  sign?: SignOptions;
  flow?: {
    /** Remove every cookie the tool set during login before the form_post (no state cookie). */
    dropStateCookie?: boolean;
    /** Post a `state` that differs from the one the tool sent (and stored in its cookie). */
    forgeState?: boolean;
    /** Run one valid launch first, so `previousNonces` is not empty. */
    requiresPriorLaunch?: boolean;
  };
}

/** One named case of the catalogue, usable directly in `it.each`. */
export interface LaunchCase {
  id: string;
  title: string;
  /** What a correct tool does with this launch. */
  expect: 'reject' | 'accept';
  /** Where the requirement comes from (spec section or 1EdTech certification suite). */
  reference: string;
  /** MUST = spec requirement; SHOULD = recommended defence the tool is expected to have anyway. */
  requirement: 'MUST' | 'SHOULD';
  mutation: LaunchMutation;
  /** Set when ltijs 5.9.9 is known to accept this launch (see STACK.md): the tool needs its own check. */
  ltijsGap?: string;
}
