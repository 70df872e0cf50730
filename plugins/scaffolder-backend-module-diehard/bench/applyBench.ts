/* eslint-disable no-console */
import { execFile } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import yaml from 'yaml';
import { useLab } from '@diehard/lab';
import { applyBundle } from '../src/kubernetes/applyBundle';
import { enforceAllowlist } from '../src/kubernetes/allowlist';
import { loadBundle } from '../src/kubernetes/bundle';
import { KubeClient } from '../src/kubernetes/KubeClient';

const run = promisify(execFile);

const verbose = !!process.env.DIEHARD_BENCH_VERBOSE;
/** Requests in flight (the action's default is 16). */
const concurrency = Number(process.env.DIEHARD_BENCH_CONCURRENCY ?? 16);
const say = (m: string, meta?: object) =>
  verbose && console.log(`    ${m}`, meta ? JSON.stringify(meta) : '');
const silent = {
  info: say,
  warn: say,
  error: say,
  debug: say,
  child: () => silent,
} as any;

/** `n` objects, a mix of what a service ships: ConfigMaps, Secrets, Services, Deployments (0 replicas). */
export function bundle(prefix: string, n: number): string {
  const docs: object[] = [];
  for (let i = 0; docs.length < n; i++) {
    const name = `${prefix}-${i}`;
    const labels = { app: name, bench: prefix };
    const all = [
      {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name, labels },
        data: { 'server.xml': '<Server port="-1"/>', i: String(i) },
      },
      {
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: { name, labels },
        stringData: { password: crypto.randomBytes(8).toString('hex') },
      },
      {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name, labels },
        spec: { selector: labels, ports: [{ port: 80, targetPort: 8080 }] },
      },
      {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name, labels },
        spec: {
          replicas: 0,
          selector: { matchLabels: labels },
          template: {
            metadata: { labels },
            spec: {
              containers: [{ name: 'app', image: 'team/petclinic:1.0' }],
            },
          },
        },
      },
    ];
    for (const d of all) if (docs.length < n) docs.push(d);
  }
  return docs.map(d => yaml.stringify(d)).join('---\n');
}

const fmt = (ms: number) => `${(ms / 1000).toFixed(3)} s`;
const median = (xs: number[]) =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** What the benchmark needs of a cluster (the lab's kubernetes endpoint has it all). */
export interface BenchCluster {
  server: string;
  caPem: string;
  kubectl: string;
  /** The portal's kubeconfig: a file path (the lab) or its content. */
  portal: { token: string; namespaces: string[]; kubeconfig: string };
}

export async function main(args: string[]) {
  const { kubernetes } = await useLab(['kubernetes']);
  await benchApply(kubernetes, Number(args[0] ?? 3));
}

export async function benchApply(k: BenchCluster, rounds: number) {
  const ns = k.portal.namespaces[0];
  const work = await fsp.mkdtemp(
    path.join(os.tmpdir(), 'diehard-apply-bench-'),
  );
  // The lab gives the portal's kubeconfig as a file path.
  let kubeconfig = k.portal.kubeconfig;
  if (!fs.existsSync(kubeconfig)) {
    kubeconfig = path.join(work, 'portal.kubeconfig');
    await fsp.writeFile(kubeconfig, k.portal.kubeconfig, { mode: 0o600 });
  }
  const time = async (fn: () => Promise<unknown>) => {
    const t = process.hrtime.bigint();
    await fn();
    return Number(process.hrtime.bigint() - t) / 1e6;
  };

  const ours = async (file: string) => {
    const objects = await loadBundle([file], work);
    enforceAllowlist(
      objects,
      { cluster: 'lab', namespaces: [ns], kinds: ['*'] },
      ns,
    );
    const client = new KubeClient({
      server: k.server,
      token: k.portal.token,
      ca: k.caPem,
    });
    try {
      await applyBundle({
        client,
        objects,
        fieldManager: 'diehard',
        logger: silent,
        concurrency,
      });
    } finally {
      client.close();
    }
  };
  const kubectl = (file: string) =>
    run(
      k.kubectl,
      [
        '--kubeconfig',
        kubeconfig,
        '-n',
        ns,
        'apply',
        '--server-side',
        '--field-manager',
        'kubectl-bench',
        '-f',
        file,
      ],
      {
        maxBuffer: 64 * 1024 * 1024,
      },
    );

  for (const size of [12, 300]) {
    const results: Record<string, number[]> = {
      'ours create': [],
      'ours again': [],
      'kubectl create': [],
      'kubectl again': [],
    };
    for (let r = 0; r < rounds; r++) {
      const id = crypto.randomBytes(2).toString('hex');
      const order =
        r % 2 === 0
          ? (['ours', 'kubectl'] as const)
          : (['kubectl', 'ours'] as const);
      for (const who of order) {
        const prefix = `bench-${who === 'ours' ? 'o' : 'k'}${id}`;
        const file = path.join(work, `${prefix}.yaml`);
        await fsp.writeFile(file, bundle(prefix, size));
        const fn = () => (who === 'ours' ? ours(file) : kubectl(file));
        results[`${who} create`].push(await time(fn));
        results[`${who} again`].push(await time(fn));
        // Clean up as cluster-admin, not timed.
        await run(k.kubectl, [
          '--kubeconfig',
          kubeconfig,
          '-n',
          ns,
          'delete',
          '--wait=false',
          '-f',
          file,
        ]).catch(() => undefined);
      }
    }
    console.log(
      `bundle of ${size} objects (ConfigMap/Secret/Service/Deployment), ${rounds} rounds:`,
    );
    for (const [key, xs] of Object.entries(results)) {
      console.log(
        `  ${key.padEnd(15)} median ${fmt(median(xs))}   runs: ${xs
          .map(fmt)
          .join(', ')}`,
      );
    }
  }
  await fsp.rm(work, { recursive: true, force: true });
}
