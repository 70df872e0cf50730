/**
 * `yarn bench:posture`: the HA posture of a fleet on the lab's Kubernetes cluster.
 *
 * 1,000 catalog entities (a generated file location read by the real catalog), each a
 * Deployment of 3 replicas on 300 KWOK nodes (3,000 pods), half of them highly
 * available; the real backend (packages/backend) as its own process. Measures a full
 * refresh, then the entity posture and fleet APIs warm and, after a restart, cold;
 * prints a table with the backend's memory and the machine's load. Removes the bench
 * namespace at the end; the extra fake nodes stay (harmless to other users of the lab).
 *
 *   yarn bench:posture [--services 1000] [--nodes 300] [--samples 200] [--keep] [--reuse]
 *                      [--replicas 1] [--clusters 1] [--freeze]
 *
 * --keep leaves the namespace in place; --reuse then skips creating it again.
 * --replicas 2 runs two backend processes on the lab's PostgreSQL (a fresh database
 * prefix, dropped at the end) instead of one on SQLite; requests alternate between them.
 * --clusters N runs N real Kubernetes clusters (`lab-1`…): the lab's own, then labs at
 * port offsets +100, +200… with state directories beside it (taken down at the end
 * unless --keep); service i runs in cluster i mod N, and --nodes fake nodes are shared
 * out between the clusters.
 * --freeze pauses the clusters' fake nodes, controllers and schedulers (SIGSTOP) once the
 * pods run, and resumes them at the end: the API servers still answer every read, and the
 * machine's cores go to the portal (in production the clusters run elsewhere).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { stringify } from 'yaml';
import {
  dropDatabasesWithPrefix,
  PostgresEndpoint,
  useLab,
} from '@diehard/lab';
// The bench runs the real backend as a process, the way the backend's own tests do.
import {
  BackendProcess,
  startBackendProcess,
} from 'backend/src/__testUtils__/startBackendProcess';
import { guestToken } from 'backend/src/__testUtils__/guestSession';
import {
  applyAll,
  createNamespace,
  deleteNamespace,
  waitForPods,
} from './cluster';
import {
  clusterLocators,
  pauseSimulation,
  stopExtraClusters,
  useClusters,
} from './clusters';
import {
  BENCH_NAMESPACE,
  serviceEntity,
  serviceName,
  serviceObjects,
} from './services';
import { loadAverage, quantile, rssMiB, timeEach } from './stats';

const { values: args } = parseArgs({
  options: {
    services: { type: 'string', default: '1000' },
    nodes: { type: 'string', default: '300' },
    samples: { type: 'string', default: '200' },
    port: { type: 'string', default: '7119' },
    replicas: { type: 'string', default: '1' },
    clusters: { type: 'string', default: '1' },
    keep: { type: 'boolean', default: false },
    freeze: { type: 'boolean', default: false },
    reuse: { type: 'boolean', default: false },
  },
});
const SERVICES = Number(args.services);
const NODES = Number(args.nodes);
const SAMPLES = Number(args.samples);
const PORT = Number(args.port);
const REPLICAS = Number(args.replicas);
const CLUSTERS = Number(args.clusters);

const log = (message: string) =>
  process.stderr.write(
    `[${new Date()
      .toISOString()
      .slice(11, 19)}] ${message} (load ${loadAverage()})\n`,
  );
const rows: Array<[string, string, string, string]> = [];
const ms = (v: number) => `${v.toFixed(v < 10 ? 1 : 0)} ms`;

async function main() {
  const nodesPerCluster = Math.ceil(NODES / CLUSTERS);
  log(
    `lab: ${CLUSTERS} Kubernetes cluster(s) of ${nodesPerCluster} fake nodes`,
  );
  const clusters = await useClusters(CLUSTERS, nodesPerCluster);
  const servicesOf = (c: number) =>
    Array.from({ length: SERVICES }, (_, i) => i).filter(
      i => i % CLUSTERS === c,
    );
  let start = performance.now();
  try {
    if (!args.reuse) {
      // A previous run that was interrupted.
      await Promise.all(clusters.map(({ admin }) => deleteNamespace(admin)));
      start = performance.now();
      const applied = await Promise.all(
        clusters.map(async ({ admin, name }, c) => {
          const objects = servicesOf(c).flatMap(i =>
            serviceObjects(i, nodesPerCluster),
          );
          await createNamespace(admin);
          await applyAll(admin, objects, applied =>
            log(`${name}: ${applied}/${objects.length} objects applied`),
          );
          return objects.length;
        }),
      );
      const total = applied.reduce((a, b) => a + b, 0);
      const seconds = (performance.now() - start) / 1000;
      log(
        `applied ${total} objects in ${seconds.toFixed(1)} s (${(
          total / seconds
        ).toFixed(0)}/s)`,
      );
    }
    // Reused, the namespace is taken as it is: counted, not waited for.
    await Promise.all(
      clusters.map(({ admin, name }, c) => {
        const pods = servicesOf(c).length * 3;
        return waitForPods(admin, args.reuse ? 0 : pods, running =>
          log(`${name}: ${running}/${pods} pods running`),
        );
      }),
    );
    if (!args.reuse)
      log(
        `${SERVICES * 3} pods running ${(
          (performance.now() - start) /
          1000
        ).toFixed(1)} s after the first apply`,
      );
    if (args.freeze) {
      await pauseSimulation(clusters, true);
      log('fake nodes, controllers and schedulers paused until the end');
    }
  } catch (error) {
    // Setting up failed: the extra labs would otherwise keep their thousands of objects.
    if (!args.keep) await stopExtraClusters(clusters);
    throw error;
  }

  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'ha-posture-bench-'));
  const catalogFile = path.join(work, 'catalog-info.yaml');
  fs.writeFileSync(
    catalogFile,
    Array.from({ length: SERVICES }, (_, i) =>
      stringify(serviceEntity(i)),
    ).join('---\n'),
  );
  let pg: PostgresEndpoint | undefined;
  const prefix = `diehard_bench_${process.pid}_`;
  if (REPLICAS > 1) pg = (await useLab(['postgres'])).postgres;
  const database = pg
    ? {
        client: 'pg',
        prefix,
        connection: {
          host: pg.host,
          port: pg.port,
          user: pg.user,
          password: pg.password,
        },
      }
    : { connection: { directory: path.join(work, 'sqlite') } };
  const startOne = (replica: number) =>
    startBackendProcess({
      configFiles: ['app-config.yaml'],
      port: PORT + replica,
      env: { LOG_LEVEL: 'info' },
      readyTimeoutMs: 300_000,
      overrides: {
        backend: { database },
        catalog: {
          locations: [
            {
              type: 'file',
              target: path.resolve(__dirname, '../../../examples/org.yaml'),
              rules: [{ allow: ['User', 'Group'] }],
            },
            { type: 'file', target: catalogFile },
          ],
        },
        kubernetes: { clusterLocatorMethods: clusterLocators(clusters) },
        // Only the refresh the bench triggers runs while it measures.
        haPosture: { refresh: { minutes: 600 } },
      },
    });
  // One after the other, as a rollout does: the first creates the databases.
  const startBackends = async () => {
    const started: BackendProcess[] = [];
    for (let r = 0; r < REPLICAS; r++) started.push(await startOne(r));
    return started;
  };
  let backends: BackendProcess[] = [];
  // Requests alternate between the replicas, as behind a round-robin ingress.
  let turn = 0;
  const next = () => backends[turn++ % backends.length];
  const memory = () =>
    backends.map(b => `${rssMiB(b.pid)}`).join(' + ') + ' MiB';

  // Printed before the namespace is deleted, which takes minutes at a few thousand pods.
  const printTable = () => {
    const cpus = os.cpus();
    const table = [
      `| measure | over | p50 (or value) | p95 |`,
      `| --- | --- | ---: | ---: |`,
      ...rows.map(r => `| ${r.join(' | ')} |`),
    ].join('\n');
    process.stdout.write(
      `\n${SERVICES} entities, ${
        SERVICES * 3
      } pods, ${NODES} nodes, ${CLUSTERS} cluster(s), ${REPLICAS} backend(s) on ${
        pg ? 'PostgreSQL' : 'SQLite'
      }; ${cpus.length} × ${
        cpus[0]?.model
      }; load average at the end: ${loadAverage()}\n\n${table}\n`,
    );
  };

  try {
    backends = await startBackends();
    const backend = backends[0];
    let token = await guestToken(backend.baseUrl);
    const get = async (url: string) => {
      const response = await fetch(`${next().baseUrl}${url}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      if (!response.ok)
        throw new Error(`${url}: ${response.status} ${await response.text()}`);
      return response.json();
    };
    const post = (url: string) =>
      fetch(`${next().baseUrl}${url}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
      });

    start = performance.now();
    for (;;) {
      const { totalItems } = await get(
        `/api/catalog/entities/by-query?limit=1&filter=metadata.annotations.backstage.io/kubernetes-namespace=${BENCH_NAMESPACE}`,
      );
      if (totalItems >= SERVICES) break;
      log(`catalog: ${totalItems}/${SERVICES} entities`);
      await new Promise(resolve => setTimeout(resolve, 3000));
    }
    // Signed in again once the guest's user is in the catalog, so that its token
    // carries its teams (the owners of the bench's entities, allowed to refresh them).
    while (
      !(
        await fetch(
          `${backend.baseUrl}/api/catalog/entities/by-name/user/default/guest`,
          { headers: { authorization: `Bearer ${token}` } },
        )
      ).ok
    )
      await new Promise(resolve => setTimeout(resolve, 1000));
    token = await guestToken(backend.baseUrl);
    log(
      `catalog holds the ${SERVICES} entities after ${(
        (performance.now() - start) /
        1000
      ).toFixed(0)} s`,
    );

    // A full refresh: the scheduled task, triggered now (refused while its first run is on).
    const refreshes = () =>
      [
        ...backends
          .map(b => b.output())
          .join('\n')
          .matchAll(/^.*"refreshed HA posture".*$/gm),
      ].map(m => JSON.parse(m[0]));
    const before = refreshes().length;
    for (;;) {
      const response = await fetch(
        `${backend.baseUrl}/api/ha-posture/.backstage/scheduler/v1/tasks/ha-posture-refresh/trigger`,
        { method: 'POST', headers: { authorization: `Bearer ${token}` } },
      );
      if (response.ok) break;
      if (response.status !== 409)
        throw new Error(`trigger: ${response.status} ${await response.text()}`);
      await new Promise(resolve => setTimeout(resolve, 1000));
    }
    log('full refresh triggered');
    while (refreshes().length === before)
      await new Promise(resolve => setTimeout(resolve, 500));
    const refresh = refreshes().at(-1);
    if (refresh.evaluated < SERVICES)
      throw new Error(`refresh evaluated ${refresh.evaluated} of ${SERVICES}`);
    rows.push([
      'full refresh',
      `${refresh.evaluated} entities, ${refresh.failed} failed`,
      `${(refresh.durationMs / 1000).toFixed(1)} s`,
      '',
    ]);
    rows.push(['backend RSS after the refresh', '', memory(), '']);
    log(`refresh: ${JSON.stringify(refresh)}`);

    const sample = Array.from({ length: SAMPLES }, (_, i) =>
      serviceName((i * 7919) % SERVICES),
    );
    const entityUrl = (name: string) =>
      `/api/ha-posture/entities/component/default/${name}`;
    const check = await get(entityUrl(sample[0]));
    if (check.source.type !== 'live')
      throw new Error(
        `expected a live posture: ${JSON.stringify(check.source)}`,
      );

    const fleetFirst = await timeEach(1, async () => {
      const { entries } = await get('/api/ha-posture/fleet');
      if (entries.length < SERVICES)
        throw new Error(`fleet has ${entries.length} entries`);
    });
    const entityWarm = await timeEach(
      SAMPLES,
      async i => void (await get(entityUrl(sample[i]))),
    );
    const fleetWarm = await timeEach(
      30,
      async () => void (await get('/api/ha-posture/fleet')),
    );
    rows.push([
      'entity posture, warm, right after the refresh',
      `${SAMPLES} requests`,
      ms(quantile(entityWarm, 0.5)),
      ms(quantile(entityWarm, 0.95)),
    ]);
    rows.push([
      'fleet, first after the refresh',
      '1 request',
      ms(fleetFirst[0]),
      '',
    ]);
    rows.push([
      'fleet, warm, right after the refresh',
      '30 requests',
      ms(quantile(fleetWarm, 0.5)),
      ms(quantile(fleetWarm, 0.95)),
    ]);
    const single = await timeEach(20, async i => {
      const response = await post(
        `${entityUrl(sample[i % sample.length])}/refresh`,
      );
      if (!response.ok)
        throw new Error(`refresh: ${response.status} ${await response.text()}`);
    });
    rows.push([
      'one entity refreshed live (POST refresh)',
      '20 requests',
      ms(quantile(single, 0.5)),
      ms(quantile(single, 0.95)),
    ]);
    rows.push(['backend RSS after the warm runs', '', memory(), '']);

    log('restarting the backend for the cold runs');
    await Promise.all(backends.map(b => b.stop()));
    backends = await startBackends();
    const coldToken = await guestToken(backends[0].baseUrl);
    const coldGet = async (url: string) => {
      const response = await fetch(`${next().baseUrl}${url}`, {
        headers: { authorization: `Bearer ${coldToken}` },
      });
      if (!response.ok) throw new Error(`${url}: ${response.status}`);
      return response.json();
    };
    const fleetCold = await timeEach(
      1,
      async () => void (await coldGet('/api/ha-posture/fleet')),
    );
    const entityCold = await timeEach(
      SAMPLES,
      async i => void (await coldGet(entityUrl(sample[i]))),
    );
    rows.push([
      'entity posture, cold (first request after a restart)',
      `${SAMPLES} entities`,
      ms(quantile(entityCold, 0.5)),
      ms(quantile(entityCold, 0.95)),
    ]);
    rows.push([
      'fleet, cold (first request after a restart)',
      '1 request',
      ms(fleetCold[0]),
      '',
    ]);
    // The same again, warm, in a backend whose catalog is no longer busy ingesting.
    const entitySettled = await timeEach(
      SAMPLES,
      async i => void (await coldGet(entityUrl(sample[i]))),
    );
    const fleetSettled = await timeEach(
      30,
      async () => void (await coldGet('/api/ha-posture/fleet')),
    );
    rows.push([
      'entity posture, warm, after the restart',
      `${SAMPLES} requests`,
      ms(quantile(entitySettled, 0.5)),
      ms(quantile(entitySettled, 0.95)),
    ]);
    rows.push([
      'fleet, warm, after the restart',
      '30 requests',
      ms(quantile(fleetSettled, 0.5)),
      ms(quantile(fleetSettled, 0.95)),
    ]);
    rows.push(['backend RSS after the cold runs', '', memory(), '']);
    printTable();
  } catch (error) {
    // What was measured before the failure, and the failure, before the slow cleanup.
    printTable();
    for (const [r, b] of backends.entries())
      process.stderr.write(
        `--- backend ${r + 1}, last output:\n${b.output().slice(-3000)}\n`,
      );
    log(`failed: ${error}`);
    throw error;
  } finally {
    await Promise.all(backends.map(b => b.stop()));
    if (pg) await dropDatabasesWithPrefix(pg, prefix);
    if (args.freeze) await pauseSimulation(clusters, false);
    if (!args.keep) {
      // The extra clusters go with their labs; the caller's lab stays, emptied.
      log(`deleting namespace ${BENCH_NAMESPACE}`);
      await deleteNamespace(clusters[0].admin);
      await stopExtraClusters(clusters);
    } else if (clusters.length > 1) {
      log(
        `clusters left up: ${clusters
          .slice(1)
          .map(c => `${c.labVariables} yarn lab down`)
          .join('; ')}`,
      );
    }
  }
}

main().catch(error => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
