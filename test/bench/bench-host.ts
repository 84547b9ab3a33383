import { ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { freePort } from '../support/free-port';

const HOST_MAIN = resolve(__dirname, '../../apps/host/src/main.js');

/** CPU time (user + system, ms) a process has used so far, from /proc: steadier than throughput on a shared machine. */
export function processCpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

export interface BenchHost {
  base: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** The real host as its own process (as in production), so the load generator does not share its event loop. */
export async function startBenchHost(env: Record<string, string>): Promise<BenchHost> {
  const port = await freePort();
  // BENCH_HOST_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the host while the load runs.
  const nodeArgs = (process.env.BENCH_HOST_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, HOST_MAIN], {
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' }, stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null) return;
    // SIGINT: the host shuts down cleanly (and writes its CPU profile when BENCH_HOST_NODE_ARGS asks for one).
    child.kill('SIGINT');
    await new Promise((r) => child.once('exit', r));
  };
  for (let i = 0; i < 300; i++) {
    if (await fetch(`${base}/health`).then((r) => r.ok, () => false)) return { base, child, stop };
    await new Promise((r) => setTimeout(r, 100));
  }
  await stop();
  throw new Error('host did not start');
}
