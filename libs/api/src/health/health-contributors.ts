import { Injectable } from '@nestjs/common';

type Contributor = () => Promise<unknown> | unknown;

/** Capabilities add their own section to /health (e.g. the model backend) without the API knowing them. */
@Injectable()
export class HealthContributors {
  private readonly contributors = new Map<string, Contributor>();

  add(name: string, contributor: Contributor): void {
    this.contributors.set(name, contributor);
  }

  async collect(): Promise<Record<string, unknown>> {
    const out: Record<string, unknown> = {};
    for (const [name, contributor] of this.contributors) out[name] = await contributor();
    return out;
  }
}
