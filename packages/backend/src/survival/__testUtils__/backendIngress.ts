import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const daemon = path.resolve(
  __dirname,
  '../../../../../lab/src/components/kubernetes/vipProxyDaemon.cjs',
);

/**
 * haproxy's `check` on Backstage's readiness endpoint: a backend is out after 3 checks
 * a second apart without a ready answer within 800 ms, back after 2 that pass.
 */
export const READINESS_CHECK = {
  path: '/.backstage/health/v1/readiness',
  tls: false,
  intervalMs: 1_000,
  timeoutMs: 800,
  fall: 3,
  rise: 2,
};

export interface BackendIngress {
  url: string;
  /** What the proxy logged: which backend left or rejoined the rotation, and when. */
  log(): string;
  stop(): Promise<void>;
}

/**
 * The portal's ingress: the lab's load-balancer stand-in (a TCP proxy, round robin per
 * connection, the next backend tried when one refuses, health checks on readiness
 * that take a backend out and close its connections) as its own process, in front of
 * backend processes on loopback.
 */
export async function startBackendIngress(options: {
  port: number;
  backendPorts: number[];
}): Promise<BackendIngress> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'diehard-ingress-'));
  const config = path.join(dir, 'config.json');
  fs.writeFileSync(
    config,
    JSON.stringify({
      listen: { host: '127.0.0.1', port: options.port },
      backends: options.backendPorts.map(port => ({ host: '127.0.0.1', port })),
      healthCheck: READINESS_CHECK,
    }),
  );
  let output = '';
  const child: ChildProcess = spawn(process.execPath, [daemon, config], {
    cwd: path.dirname(daemon),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', chunk => (output += chunk));
  child.stderr!.on('data', chunk => (output += chunk));
  const deadline = Date.now() + 60_000;
  while (!output.includes(`127.0.0.1:${options.port} →`)) {
    if (child.exitCode !== null || Date.now() > deadline)
      throw new Error(`the ingress stand-in did not start: ${output}`);
    await new Promise(r => setTimeout(r, 100));
  }
  return {
    url: `http://127.0.0.1:${options.port}`,
    log: () => output,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise(r => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
