import { spawnSync } from 'node:child_process';
import { hostname } from 'node:os';
import type { TransactionRunner } from '@o2o/persistence';
import { uuidV7LowerBound } from '../shared/uuid-v7';
import { IMPORT_RUN_STALE_MS, ImportRunLedger, ImportRunRecord } from './import-run.ledger';
import { uuidV7 } from '../shared/uuid-v7';

/** Records the statements instead of running them: isAbandoned needs only the run, the clock and this process. */
const recordingRunner = () => ({ writeSql: jest.fn(async () => 1), readSql: jest.fn(async () => []) }) as unknown as TransactionRunner;

const now = new Date('2026-12-04T12:00:00Z');
const run = (overrides: Partial<ImportRunRecord>): ImportRunRecord => ({
  id: 'run-1', tenantId: 't', kind: 'events', fileKey: 'f.csv', sinceEventId: uuidV7LowerBound(now.getTime()), learnerIndexDeferred: false,
  ownerHost: 'another-host', ownerPid: 4242, heartbeatAt: now, ...overrides,
});

describe('ImportRunLedger', () => {
  it('takes a run of another host for dead only once its heartbeat is older than the stale limit', () => {
    const ledger = new ImportRunLedger(recordingRunner());
    expect(ledger.isAbandoned(run({ heartbeatAt: new Date(now.getTime() - IMPORT_RUN_STALE_MS + 1000) }), now)).toBe(false);
    expect(ledger.isAbandoned(run({ heartbeatAt: new Date(now.getTime() - IMPORT_RUN_STALE_MS - 1000) }), now)).toBe(true);
  });

  it('takes a run of this host for dead as soon as its process is gone, and not while it lives', () => {
    const ledger = new ImportRunLedger(recordingRunner());
    const exited = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    expect(ledger.isAbandoned(run({ ownerHost: hostname(), ownerPid: Number(exited.stdout) }), now)).toBe(true);
    // The test runner's parent process is alive: a fresh heartbeat and a live pid are another process's running import.
    expect(ledger.isAbandoned(run({ ownerHost: hostname(), ownerPid: process.ppid }), now)).toBe(false);
  });

  it('never abandons its own runs, but does a run with this pid that it did not start (a restarted container)', async () => {
    const ledger = new ImportRunLedger(recordingRunner());
    const own = await ledger.start('t', 'events', 'f.csv', now);
    expect(ledger.isAbandoned({ ...own, heartbeatAt: new Date(0) }, now)).toBe(false);
    expect(ledger.isAbandoned(run({ ownerHost: hostname(), ownerPid: process.pid }), now)).toBe(true);
    await ledger.close(own, 'done', now);
    expect(ledger.isAbandoned(own, now)).toBe(true);
  });

  it('bounds the event ids of a run from below: every uuid v7 made at or after its start sorts at or after it', () => {
    const bound = uuidV7LowerBound(now.getTime());
    for (let i = 0; i < 1000; i++) expect(uuidV7(now.getTime() + (i % 3)) >= bound).toBe(true);
    expect(uuidV7(now.getTime() - 1) < bound).toBe(true);
  });
});
