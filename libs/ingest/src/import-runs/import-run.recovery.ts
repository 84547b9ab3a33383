import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { Clock } from '@o2o/core';
import { ImportRunFinalizer } from './import-run.finalizer';
import { ImportRunLedger } from './import-run.ledger';

/**
 * Finishes bulk imports whose process died (killed, out of memory, power cut): at boot, before the app serves,
 * and before every new import. Each such run's committed events stay; its learners' aggregates are rebuilt and a
 * dropped learner index is built again, so nothing a crash interrupted is left half-done.
 */
@Injectable()
export class ImportRunRecovery implements OnApplicationBootstrap {
  constructor(
    private readonly ledger: ImportRunLedger,
    private readonly finalizer: ImportRunFinalizer,
    private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.recoverAbandoned();
  }

  async recoverAbandoned(): Promise<void> {
    const now = this.clock.now();
    for (const run of await this.ledger.running()) {
      if (this.ledger.isAbandoned(run, now)) await this.finalizer.finish(run, 'recovered');
    }
  }
}
