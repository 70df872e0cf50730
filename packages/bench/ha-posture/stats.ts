import fs from 'node:fs';
import os from 'node:os';

/** The q-quantile (0..1) of durations in ms, nearest-rank. */
export function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil(q * sorted.length));
  return sorted[rank - 1];
}

/** Times `n` sequential calls of `fn`, in ms each. */
export async function timeEach(n: number, fn: (i: number) => Promise<void>) {
  const durations: number[] = [];
  for (let i = 0; i < n; i++) {
    const start = performance.now();
    await fn(i);
    durations.push(performance.now() - start);
  }
  return durations;
}

/** Resident memory of a process, in MiB, from /proc. */
export function rssMiB(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

/** The child processes of this one (the backend we started), by pid. */
export function childPids(): number[] {
  return fs
    .readdirSync('/proc')
    .filter(entry => /^\d+$/.test(entry))
    .map(Number)
    .filter(pid => {
      try {
        const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
        // Fields after the command's closing parenthesis: state, ppid, ...
        return (
          Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) ===
          process.pid
        );
      } catch {
        return false;
      }
    });
}

export const loadAverage = () =>
  os
    .loadavg()
    .map(l => l.toFixed(1))
    .join(' ');
