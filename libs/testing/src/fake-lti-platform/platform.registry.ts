import { randomBytes } from 'node:crypto';
import { LTI_SPEC } from './lti-spec.constants';
import type { LtiContext, RegisteredTool, RegisterToolInput, RosterMember } from './fake-lti-platform.types';

/**
 * The platform's own records: registered tools with their deployments, courses (contexts) and their
 * rosters. Handlers read from here, tests write to it, so "the roster changed between two imports"
 * is one call.
 */
export class PlatformRegistry {
  private readonly tools = new Map<string, RegisteredTool>();
  private readonly contexts = new Map<string, LtiContext>();
  private readonly rosters = new Map<string, RosterMember[]>();
  private nextTypeId = 1;

  registerTool(input: RegisterToolInput, placements: string[] = []): RegisteredTool {
    if (!input.redirectUris?.length) throw new Error('registerTool: redirectUris must not be empty');
    const clientId = input.clientId ?? randomBytes(8).toString('hex');
    if (this.tools.has(clientId)) throw new Error(`registerTool: client_id ${clientId} already registered`);
    const targetLinkUri = input.targetLinkUri ?? input.redirectUris[0];
    const tool: RegisteredTool = {
      clientId,
      deploymentIds: input.deploymentIds?.length ? [...input.deploymentIds] : [String(this.nextTypeId)],
      name: input.name ?? `Tool ${clientId}`,
      loginUrl: input.loginUrl,
      redirectUris: [...input.redirectUris],
      targetLinkUri,
      jwksUrl: input.jwksUrl,
      publicJwks: input.publicJwks,
      deepLinkingUrl: input.deepLinkingUrl ?? targetLinkUri,
      scopes: [...(input.scopes ?? Object.values(LTI_SPEC.scope))],
      privacyLevel: input.privacyLevel ?? 'public',
      customParameters: { ...(input.customParameters ?? {}) },
      typeId: this.nextTypeId++,
      placements,
    };
    this.tools.set(clientId, tool);
    return tool;
  }

  tool(clientId: string): RegisteredTool | undefined {
    return this.tools.get(clientId);
  }

  requireTool(clientId?: string): RegisteredTool {
    if (clientId) {
      const tool = this.tools.get(clientId);
      if (!tool) throw new Error(`no tool registered with client_id ${clientId}`);
      return tool;
    }
    const all = [...this.tools.values()];
    if (all.length !== 1) throw new Error(`clientId is required when ${all.length} tools are registered`);
    return all[0];
  }

  allTools(): RegisteredTool[] {
    return [...this.tools.values()];
  }

  /** Changes a registered tool in place (e.g. an admin narrowing scopes after registration). */
  updateTool(clientId: string, patch: Partial<Omit<RegisteredTool, 'clientId' | 'typeId'>>): RegisteredTool {
    const tool = this.requireTool(clientId);
    Object.assign(tool, patch);
    return tool;
  }

  addContext(context: LtiContext, members: RosterMember[] = []): LtiContext {
    const stored: LtiContext = {
      label: context.id,
      title: `Course ${context.id}`,
      type: [LTI_SPEC.contextType.courseOffering],
      ...context,
    };
    this.contexts.set(context.id, stored);
    if (!this.rosters.has(context.id) || members.length) this.setRoster(context.id, members);
    return stored;
  }

  context(contextId: string): LtiContext | undefined {
    return this.contexts.get(contextId);
  }

  /** Replaces the whole roster, as an enrolment sync on the LMS side would. */
  setRoster(contextId: string, members: RosterMember[]): void {
    if (!this.contexts.has(contextId)) this.addContext({ id: contextId });
    this.rosters.set(
      contextId,
      members.map((m) => ({ ...m, roles: [...m.roles], status: m.status ?? 'Active' })),
    );
  }

  /** Adds or replaces one member (matched by user id). */
  upsertMember(contextId: string, member: RosterMember): void {
    const roster = this.roster(contextId).filter((m) => m.id !== member.id);
    this.setRoster(contextId, [...roster, member]);
  }

  /** Marks a member Inactive or Deleted instead of dropping them, which is what NRPS reports. */
  setMemberStatus(contextId: string, userId: string, status: RosterMember['status']): void {
    const member = this.roster(contextId).find((m) => m.id === userId);
    if (!member) throw new Error(`no member ${userId} in context ${contextId}`);
    member.status = status;
  }

  roster(contextId: string): RosterMember[] {
    return this.rosters.get(contextId) ?? [];
  }

  member(contextId: string, userId: string): RosterMember | undefined {
    return this.roster(contextId).find((m) => m.id === userId);
  }
}
