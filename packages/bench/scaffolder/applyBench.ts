/* eslint-disable no-console */
import { execFile } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import yaml from 'yaml';
import { labPaths, useLab } from '@diehard/lab';
import { mapConcurrent } from '@diehard/plugin-container-images-node';
import {
  applyBundle,
  applyWaves,
  enforceAllowlist,
  KubeClient,
  loadBundle,
} from '@diehard/plugin-scaffolder-backend-module-diehard';

const run = promisify(execFile);

const verbose = !!process.env.DIEHARD_BENCH_VERBOSE;
/** Requests in flight (the action's default is 16). */
const concurrency = Number(process.env.DIEHARD_BENCH_CONCURRENCY ?? 16);
/** `1.1` for a pool of HTTP/1.1 sockets instead of one HTTP/2 connection (the default). */
const http2 = process.env.DIEHARD_BENCH_HTTP !== '1.1';
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

/**
 * CPU seconds the lab's kube-apiserver and etcd have used so far (Linux /proc):
 * the work a run costs the control plane, which on a shared machine is steadier
 * than the wall time. Other clients' requests in the same window count too.
 */
function controlPlaneCpu(): number {
  const dir = path.join(labPaths().stateDir, 'kubernetes');
  let ticks = 0;
  for (const name of ['kube-apiserver', 'etcd']) {
    try {
      const pid = fs.readFileSync(path.join(dir, `${name}.pid`), 'utf8').trim();
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]); // utime + stime
    } catch {
      return NaN; // not the lab, or not Linux
    }
  }
  return ticks / 100;
}
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
  const cpu: Record<string, number[]> = {};
  const time = async (key: string, fn: () => Promise<unknown>) => {
    const c = controlPlaneCpu();
    const t = process.hrtime.bigint();
    await fn();
    const ms = Number(process.hrtime.bigint() - t) / 1e6;
    (cpu[key] ??= []).push(controlPlaneCpu() - c);
    return ms;
  };
  const loads: number[] = [];

  /** The bundle of `file` in the portal's namespace, and a client as the action makes one. */
  const prepare = async (file: string) => {
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
      http2,
    });
    return { objects, client };
  };
  const ours = async (file: string) => {
    const { objects, client } = await prepare(file);
    const started = process.cpuUsage();
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
      const used = process.cpuUsage(started);
      say('our process CPU', {
        ms: Math.round((used.user + used.system) / 1000),
      });
    }
  };
  /**
   * The floor under any client that validates the bundle first: the same objects
   * created without a dry run (16 in flight, in dependency order), which is all the
   * server work of a create. Not a mode of ours; it prices the dry run.
   */
  const createsAlone = async (file: string) => {
    const { objects, client } = await prepare(file);
    try {
      for (const wave of applyWaves(objects, b => b.object.kind))
        await mapConcurrent(wave, concurrency, b =>
          client.apply(b.object, { fieldManager: 'diehard' }),
        );
    } finally {
      client.close();
    }
  };
  /**
   * The whole-bundle dry run alone, nothing created: with "creates alone", the
   * server work that validating the bundle and then creating it costs, whichever
   * client sends it.
   */
  const dryRunsAlone = async (file: string) => {
    const { objects, client } = await prepare(file);
    try {
      await mapConcurrent(objects, concurrency, b =>
        client.apply(b.object, { fieldManager: 'diehard', dryRun: true }),
      );
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
      'creates alone': [],
      'dry runs alone': [],
      'ours again': [],
      'kubectl create': [],
      'kubectl again': [],
    };
    for (let r = 0; r < rounds; r++) {
      const id = crypto.randomBytes(2).toString('hex');
      const floorFile = path.join(work, `bench-f${id}.yaml`);
      await fsp.writeFile(floorFile, bundle(`bench-f${id}`, size));
      loads.push(os.loadavg()[0]);
      results['dry runs alone'].push(
        await time('dry runs alone', () => dryRunsAlone(floorFile)),
      );
      results['creates alone'].push(
        await time('creates alone', () => createsAlone(floorFile)),
      );
      await run(k.kubectl, [
        '--kubeconfig',
        kubeconfig,
        '-n',
        ns,
        'delete',
        '--wait=false',
        '-f',
        floorFile,
      ]).catch(() => undefined);
      const order =
        r % 2 === 0
          ? (['ours', 'kubectl'] as const)
          : (['kubectl', 'ours'] as const);
      for (const who of order) {
        const prefix = `bench-${who === 'ours' ? 'o' : 'k'}${id}`;
        const file = path.join(work, `${prefix}.yaml`);
        await fsp.writeFile(file, bundle(prefix, size));
        const fn = () => (who === 'ours' ? ours(file) : kubectl(file));
        for (const phase of ['create', 'again']) {
          loads.push(os.loadavg()[0]);
          results[`${who} ${phase}`].push(await time(`${who} ${phase}`, fn));
        }
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
          .join(', ')}   apiserver+etcd CPU median ${median(cpu[key]).toFixed(
          2,
        )} s`,
      );
    }
    const goal = size === 12 ? 1 : 1 / 3;
    const ratio = (a: string, b: string) =>
      median(results[a]) / median(results[b]);
    const verdict = (r: number) =>
      `${r.toFixed(2)} of kubectl's time (${r <= goal ? 'met' : 'not met'})`;
    console.log(
      `  goal, at most ${
        size === 12 ? 'kubectl' : 'a third of kubectl'
      }'s time: create ${verdict(
        ratio('ours create', 'kubectl create'),
      )}, again ${verdict(
        ratio('ours again', 'kubectl again'),
      )}; creates alone, which validate nothing, ${ratio(
        'creates alone',
        'kubectl create',
      ).toFixed(2)}`,
    );
    // The server's work for the dry run and the creates, each measured alone: even
    // with every core to itself and a client that costs nothing, it takes this long.
    const cores = os.cpus().length;
    const serverCpu =
      median(cpu['dry runs alone']) + median(cpu['creates alone']);
    const leastMs = (serverCpu / cores) * 1000;
    console.log(
      `  the server's CPU for a dry run then the creates, each alone: ${serverCpu.toFixed(
        2,
      )} s, at least ${fmt(leastMs)} over ${cores} cores: ${(
        leastMs / median(results['kubectl create'])
      ).toFixed(2)} of kubectl's create, whatever the client`,
    );
    console.log(
      `  load average (1 min) during the runs: ${Math.min(...loads).toFixed(
        1,
      )}–${Math.max(...loads).toFixed(1)}`,
    );
    loads.length = 0;
    for (const key of Object.keys(cpu)) delete cpu[key];
  }
  await fsp.rm(work, { recursive: true, force: true });
}
