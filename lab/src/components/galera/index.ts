import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import mysql from 'mysql2/promise';
import { LAB_HOST, LAB_PORTS } from '../../ports';
import { LabError } from '../../util/errors';
import { withLock } from '../../util/lock';
import {
  chownTree,
  isAlive,
  readPid,
  run,
  serviceUser,
  ServiceUser,
  startDaemon,
  stopDaemon,
  waitExited,
} from '../../util/process';
import { ensurePassword, exists, readJson } from '../../util/state';
import { waitFor } from '../../util/wait';
import type { ComponentContext, LabComponent } from '../types';
import { CLUSTER_NAME, NODE_COUNT, nodeConfig, nodeFiles } from './config';

export interface GaleraNodeEndpoint {
  index: number;
  name: string;
  host: string;
  port: number;
}

export interface GaleraEndpoint {
  clusterName: string;
  nodes: GaleraNodeEndpoint[];
  /** An account with all privileges, usable on every node. */
  user: string;
  password: string;
  database: string;
}

/** What a node says about itself and its cluster (SHOW STATUS LIKE 'wsrep_%'). */
export interface WsrepStatus {
  /** Members of the component this node belongs to. */
  clusterSize: number;
  /** "Primary", "non-Primary" or "Disconnected". */
  clusterStatus: string;
  /** "Synced", "Donor/Desynced", "Joining", "Joined", "Initialized"… */
  localState: string;
  ready: boolean;
  connected: boolean;
}

const USER = 'diehard';
const DATABASE = 'diehard';
const MARIADBD = '/usr/sbin/mariadbd';

/** Who runs mariadbd: `mysql` when the lab runs as root (rsync SST fails as root). */
function runAs(): { user?: ServiceUser; name: string } {
  const user = serviceUser('mysql');
  return { user, name: user?.name ?? os.userInfo().username };
}

/**
 * An administrative connection over node i's unix socket. It authenticates as the OS
 * user of this process (unix_socket plugin): root, or the user that installed the db.
 */
async function adminConnection(dir: string, i: number) {
  return mysql.createConnection({
    socketPath: nodeFiles(dir, i).socket,
    user: os.userInfo().username,
    connectTimeout: 2000,
  });
}

async function withAdmin<T>(
  dir: string,
  i: number,
  fn: (c: mysql.Connection) => Promise<T>,
) {
  const c = await adminConnection(dir, i);
  try {
    return await fn(c);
  } finally {
    await c.end().catch(() => {});
  }
}

/** wsrep status of node i, read over its socket. */
export async function wsrepStatus(
  dir: string,
  i: number,
): Promise<WsrepStatus> {
  return withAdmin(dir, i, async c => {
    const [rows] = await c.query<mysql.RowDataPacket[]>(
      "SHOW GLOBAL STATUS LIKE 'wsrep_%'",
    );
    const v = Object.fromEntries(
      rows.map(r => [r.Variable_name, String(r.Value)]),
    );
    return {
      clusterSize: Number(v.wsrep_cluster_size ?? 0),
      clusterStatus: v.wsrep_cluster_status ?? 'Disconnected',
      localState: v.wsrep_local_state_comment ?? '',
      ready: v.wsrep_ready === 'ON',
      connected: v.wsrep_connected === 'ON',
    };
  });
}

export async function nodeAlive(dir: string, i: number) {
  const f = nodeFiles(dir, i);
  return isAlive(await readPid(f.pid), f.cnf);
}

/** The node that may bootstrap a stopped cluster: the last one to leave (grastate.dat). */
async function bootstrapCandidate(dir: string): Promise<number> {
  for (let i = 0; i < NODE_COUNT; i++) {
    const state = await fsp
      .readFile(path.join(nodeFiles(dir, i).data, 'grastate.dat'), 'utf8')
      .catch(() => '');
    if (/^safe_to_bootstrap:\s*1/m.test(state)) return i;
  }
  return 0;
}

async function startNode(dir: string, i: number, bootstrap: boolean) {
  const f = nodeFiles(dir, i);
  const { user, name } = runAs();
  await fsp.mkdir(path.join(f.dir, 'run'), { recursive: true });
  await fsp.mkdir(f.data, { recursive: true });
  await fsp.writeFile(f.cnf, nodeConfig(dir, i));
  await fsp.rm(f.held, { force: true });
  if (bootstrap) {
    if (!(await exists(path.join(f.data, 'mysql')))) {
      await chownTree(f.dir, user);
      await run(
        'mariadb-install-db',
        [
          '--no-defaults',
          `--datadir=${f.data}`,
          `--user=${name}`,
          '--skip-test-db',
          '--skip-name-resolve',
        ],
        { user },
      );
    }
    // A lab cluster that went down entirely is restarted from this node, whatever happened.
    const grastate = path.join(f.data, 'grastate.dat');
    if (await exists(grastate)) {
      const state = await fsp.readFile(grastate, 'utf8');
      await fsp.writeFile(
        grastate,
        state.replace(/^safe_to_bootstrap:\s*0/m, 'safe_to_bootstrap: 1'),
      );
    }
  }
  await chownTree(f.dir, user);
  const pid = await startDaemon({
    command: MARIADBD,
    args: [
      `--defaults-file=${f.cnf}`,
      ...(bootstrap ? ['--wsrep-new-cluster'] : []),
    ],
    cwd: f.dir,
    logFile: f.log,
    pidFile: f.pid,
    user,
  });
  // A joiner receives the data by rsync SST (first time) or IST before it is Synced.
  await waitFor(
    `galera node-${i} Synced`,
    async () => {
      const s = await wsrepStatus(dir, i);
      return s.localState === 'Synced' &&
        s.ready &&
        s.clusterStatus === 'Primary'
        ? s
        : undefined;
    },
    {
      timeoutMs: 180_000,
      intervalMs: 300,
      alive: () => isAlive(pid),
      logFile: f.log,
    },
  );
}

async function stopNode(dir: string, i: number) {
  const f = nodeFiles(dir, i);
  await stopDaemon(f.pid, { expect: f.cnf, timeoutMs: 60_000 });
}

function endpoint(password: string): GaleraEndpoint {
  return {
    clusterName: CLUSTER_NAME,
    nodes: LAB_PORTS.galera.map((p, index) => ({
      index,
      name: `node-${index}`,
      host: LAB_HOST,
      port: p.sql,
    })),
    user: USER,
    password,
    database: DATABASE,
  };
}

/** A live node of the Primary component, if any. */
async function primaryNode(dir: string): Promise<number | undefined> {
  for (let i = 0; i < NODE_COUNT; i++) {
    if (!(await nodeAlive(dir, i))) continue;
    const s = await wsrepStatus(dir, i).catch(() => undefined);
    if (s?.clusterStatus === 'Primary' && s.ready) return i;
  }
  return undefined;
}

const passwordOf = (dir: string) => ensurePassword(path.join(dir, 'password'));

export const galeraComponent: LabComponent<GaleraEndpoint> = {
  name: 'galera',

  async probe(ctx) {
    const e = await readJson<GaleraEndpoint>(
      path.join(ctx.dir, 'endpoint.json'),
    );
    if (!e) return undefined;
    return (await primaryNode(ctx.dir)) === undefined ? undefined : e;
  },

  async start(ctx) {
    const password = await passwordOf(ctx.dir);
    const first = await bootstrapCandidate(ctx.dir);
    ctx.report(
      `galera: bootstrapping node-${first} on ${LAB_HOST}:${LAB_PORTS.galera[first].sql}`,
    );
    await startNode(ctx.dir, first, true);
    await withAdmin(ctx.dir, first, async c => {
      // Replicated to the joiners by Galera (DDL runs in total order).
      await c.query(
        `CREATE USER IF NOT EXISTS '${USER}'@'%' IDENTIFIED BY '${password}'`,
      );
      await c.query(`ALTER USER '${USER}'@'%' IDENTIFIED BY '${password}'`);
      await c.query(
        `GRANT ALL PRIVILEGES ON *.* TO '${USER}'@'%' WITH GRANT OPTION`,
      );
      await c.query(`CREATE DATABASE IF NOT EXISTS ${DATABASE}`);
    });
    return endpoint(password);
  },

  /** Joins the nodes that are down, one at a time, except those a test keeps down. */
  async ensure(ctx, e) {
    for (let i = 0; i < NODE_COUNT; i++) {
      const f = nodeFiles(ctx.dir, i);
      if ((await nodeAlive(ctx.dir, i)) || (await exists(f.held))) continue;
      ctx.report(
        `galera: node-${i} joining on ${LAB_HOST}:${LAB_PORTS.galera[i].sql}`,
      );
      await stopNode(ctx.dir, i);
      await startNode(ctx.dir, i, false);
    }
    return e;
  },

  async stop(ctx) {
    // The last node to leave (node-0) is the one safe to bootstrap from next time.
    for (let i = NODE_COUNT - 1; i >= 0; i--) {
      await stopNode(ctx.dir, i);
      await fsp.rm(nodeFiles(ctx.dir, i).held, { force: true });
    }
  },

  async processes(ctx) {
    return Promise.all(
      Array.from({ length: NODE_COUNT }, async (_, i) => {
        const f = nodeFiles(ctx.dir, i);
        const pid = await readPid(f.pid);
        const held = (await exists(f.held)) ? ' (kept down by kill)' : '';
        return {
          name: `mariadbd node-${i}${held}`,
          pid,
          alive: isAlive(pid, f.cnf),
        };
      }),
    );
  },
};

function checkIndex(i: number) {
  if (!Number.isInteger(i) || i < 0 || i >= NODE_COUNT) {
    throw new LabError(`galera has nodes 0..${NODE_COUNT - 1}, not ${i}`);
  }
}

const isWhole = (s: WsrepStatus | undefined) =>
  s?.clusterSize === NODE_COUNT &&
  s.clusterStatus === 'Primary' &&
  s.localState === 'Synced';

/** Operations on one node of the running cluster, for failure tests. */
export function galeraOperations(ctx: Pick<ComponentContext, 'dir' | 'paths'>) {
  const { dir } = ctx;
  const locked = <T>(fn: () => Promise<T>) =>
    withLock(ctx.paths.stateDir, 'galera', fn);
  const statuses = () =>
    Promise.all(
      Array.from({ length: NODE_COUNT }, (_, i) =>
        wsrepStatus(dir, i).catch(() => undefined),
      ),
    );
  const restart = (i: number) =>
    locked(async () => {
      checkIndex(i);
      await stopNode(dir, i);
      const primary = await primaryNode(dir);
      await startNode(dir, i, primary === undefined);
    });
  const wholeWithin = (timeoutMs: number) =>
    waitFor(
      `the ${NODE_COUNT} galera nodes Synced in one Primary component`,
      async () => {
        const s = await statuses();
        if (s.every(isWhole)) return true;
        throw new Error(`node states ${JSON.stringify(s)}`);
      },
      { timeoutMs, intervalMs: 300 },
    );
  /** Waits for one whole cluster; restarts the nodes still out of it after graceMs. */
  const makeWhole = async (graceMs: number) => {
    try {
      await wholeWithin(graceMs);
      return;
    } catch {
      const s = await statuses();
      for (let i = 0; i < NODE_COUNT; i++) if (!isWhole(s[i])) await restart(i);
      await wholeWithin(180_000);
    }
  };
  return {
    /**
     * Runs fn with the cluster to itself: parallel suites share it, and a second node
     * lost while one is down would cost the quorum. Waits (across processes) for the
     * other holders and for every node to be Synced in one Primary component, and
     * leaves the cluster so, whatever fn left down.
     */
    exclusive: <T>(fn: () => Promise<T>, timeoutMs = 15 * 60_000) =>
      withLock(
        ctx.paths.stateDir,
        'galera-exclusive',
        async () => {
          await makeWhole(60_000);
          try {
            return await fn();
          } finally {
            await makeWhole(5_000);
          }
        },
        timeoutMs,
      ),
    /** SIGKILL node i (a crash); it stays down, even across `lab up`, until restart(i). */
    kill: (i: number) =>
      locked(async () => {
        checkIndex(i);
        const f = nodeFiles(dir, i);
        await fsp.writeFile(f.held, 'killed by a test\n');
        const pid = await readPid(f.pid);
        if (pid && isAlive(pid, f.cnf)) {
          process.kill(pid, 'SIGKILL');
          await waitExited(pid);
        }
      }),
    /** (Re)starts node i; it rejoins the Primary component (IST) and is Synced on return. */
    restart,
    /** Cuts node i off the group (gmcast.isolate): it falls out of the Primary component. */
    partition: (i: number) =>
      locked(async () => {
        checkIndex(i);
        await withAdmin(dir, i, c =>
          c.query("SET GLOBAL wsrep_provider_options='gmcast.isolate=1'"),
        );
        await waitFor(
          `galera node-${i} partitioned`,
          async () => {
            const s = await wsrepStatus(dir, i);
            return s.clusterStatus !== 'Primary' ? s : undefined;
          },
          { timeoutMs: 60_000, intervalMs: 300 },
        );
      }),
    /** Ends the partition of node i; it is back in the Primary component, Synced, on return. */
    heal: (i: number) =>
      locked(async () => {
        checkIndex(i);
        await withAdmin(dir, i, c =>
          c.query("SET GLOBAL wsrep_provider_options='gmcast.isolate=0'"),
        );
        await waitFor(
          `galera node-${i} healed`,
          async () => {
            const s = await wsrepStatus(dir, i);
            return s.clusterStatus === 'Primary' && s.localState === 'Synced'
              ? s
              : undefined;
          },
          { timeoutMs: 90_000, intervalMs: 300 },
        );
      }),
    status: (i: number) => {
      checkIndex(i);
      return wsrepStatus(dir, i);
    },
  };
}
