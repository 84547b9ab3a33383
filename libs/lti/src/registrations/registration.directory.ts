import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { LtiDeployment } from '../entities/lti-deployment.entity';
import { LtiRegistration } from '../entities/lti-registration.entity';
import { originOf } from './origin-of.util';

/** How long another process's registration change may take to be seen here (ours are seen at once). */
const STALE_AFTER_MS = 10_000;

export interface DirectorySnapshot {
  registration(issuer: string, clientId: string): LtiRegistration | undefined;
  forIssuer(issuer: string): LtiRegistration[];
  byId(id: string): LtiRegistration | undefined;
  all(): LtiRegistration[];
  deployment(registrationId: string, deploymentId: string): LtiDeployment | undefined;
  deploymentsOf(registrationId: string): LtiDeployment[];
  /** Origins allowed to frame the tool and to call it cross-origin: every active registration's LMS origins. */
  frameOrigins(registrationId?: string): string[];
}

/**
 * Registrations and deployments in memory. Every launch reads them two or three times (ltijs included), and they
 * change only when an admin registers or activates a platform, so one query every few seconds replaces hundreds.
 */
@Injectable()
export class RegistrationDirectory {
  private current: { at: number; snapshot: DirectorySnapshot } | undefined;
  private loading: Promise<DirectorySnapshot> | undefined;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async snapshot(): Promise<DirectorySnapshot> {
    if (this.current && Date.now() - this.current.at < STALE_AFTER_MS) return this.current.snapshot;
    return this.reload();
  }

  /** Called after every write to registrations or deployments in this process. */
  invalidate(): void {
    this.current = undefined;
  }

  private reload(): Promise<DirectorySnapshot> {
    if (!this.loading) {
      const at = Date.now();
      this.loading = Promise.all([
        this.dataSource.getRepository(LtiRegistration).find(),
        this.dataSource.getRepository(LtiDeployment).find(),
      ]).then(([registrations, deployments]) => {
        const snapshot = buildSnapshot(registrations, deployments);
        this.current = { at, snapshot };
        return snapshot;
      }).finally(() => { this.loading = undefined; });
    }
    return this.loading;
  }
}

function buildSnapshot(registrations: LtiRegistration[], deployments: LtiDeployment[]): DirectorySnapshot {
  const byKey = new Map(registrations.map((r) => [`${r.issuer}\u0000${r.clientId}`, r]));
  const byId = new Map(registrations.map((r) => [r.id, r]));
  const deps = new Map(deployments.map((d) => [`${d.registrationId}\u0000${d.deploymentId}`, d]));
  const originsOf = (r: LtiRegistration): string[] =>
    [originOf(r.issuer), originOf(r.authLoginUrl), ...(r.lmsOrigins ?? [])].filter((o): o is string => !!o);
  const allOrigins = [...new Set(registrations.filter((r) => r.active).flatMap(originsOf))];
  return {
    registration: (issuer, clientId) => byKey.get(`${issuer}\u0000${clientId}`),
    forIssuer: (issuer) => registrations.filter((r) => r.issuer === issuer),
    byId: (id) => byId.get(id),
    all: () => registrations,
    deployment: (registrationId, deploymentId) => deps.get(`${registrationId}\u0000${deploymentId}`),
    deploymentsOf: (registrationId) => deployments.filter((d) => d.registrationId === registrationId),
    frameOrigins: (registrationId) => {
      const one = registrationId ? byId.get(registrationId) : undefined;
      return one ? [...new Set(originsOf(one))] : allOrigins;
    },
  };
}
