import crypto from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { Client } from 'pg';
import { LAB_HOST, LAB_PORTS } from '../ports';
import { LabError } from '../util/errors';
import {
  chownTree,
  isAlive,
  isPidFileAlive,
  readPid,
  run,
  serviceUser,
  startDaemon,
  stopDaemon,
} from '../util/process';
import { Reporter, silentReporter } from '../util/reporter';
import { exists, readJson, writeJson } from '../util/state';
import { waitFor } from '../util/wait';
import type { LabComponent } from './types';

export interface PostgresEndpoint {
  host: string;
  port: number;
  /** A superuser: Backstage creates one database per plugin. */
  user: string;
  password: string;
  database: string;
  /** postgresql://user:password@host:port/database */
  connectionString: string;
}

/**
 * Backstage's `backend.database` config on this PostgreSQL: one database per plugin,
 * each named with `prefix` (several backends given the same share them, as replicas do).
 */
export function backstageDatabaseConfig(
  endpoint: Pick<PostgresEndpoint, 'host' | 'port' | 'user' | 'password'>,
  prefix: string,
) {
  return {
    client: 'pg',
    prefix,
    connection: {
      host: endpoint.host,
      port: endpoint.port,
      user: endpoint.user,
      password: endpoint.password,
    },
  };
}

/**
 * Drops every database whose name starts with `prefix`: what a test made with
 * `backend.database.prefix`, one database per plugin.
 */
export async function dropDatabasesWithPrefix(
  endpoint: Pick<PostgresEndpoint, 'host' | 'port' | 'user' | 'password'>,
  prefix: string,
): Promise<void> {
  const client = new Client({
    host: endpoint.host,
    port: endpoint.port,
    user: endpoint.user,
    password: endpoint.password,
    database: 'postgres',
  });
  await client.connect();
  try {
    const { rows } = await client.query(
      'SELECT datname FROM pg_database WHERE datname LIKE $1',
      [`${prefix.replace(/[%_\\]/g, '\\$&')}%`],
    );
    for (const { datname } of rows) {
      await client.query(`DROP DATABASE "${datname}" WITH (FORCE)`);
    }
  } finally {
    await client.end();
  }
}

export interface PostgresInstanceOptions {
  /** Holds data/, postgres.pid, postgres.log, endpoint.json. */
  dir: string;
  host?: string;
  port?: number;
  report?: Reporter;
}

const USER = 'diehard';
const DATABASE = 'diehard';

/** Debian's PostgreSQL server binaries (newest major), or $DIEHARD_PG_BIN. */
export function postgresBinDir(): string {
  if (process.env.DIEHARD_PG_BIN) return process.env.DIEHARD_PG_BIN;
  const root = '/usr/lib/postgresql';
  const majors = fs.existsSync(root)
    ? fs
        .readdirSync(root)
        .filter(v => fs.existsSync(path.join(root, v, 'bin', 'postgres')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (!majors.length) {
    throw new LabError(
      'PostgreSQL server binaries not found under /usr/lib/postgresql: run lab/scripts/install-prereqs.sh',
    );
  }
  return path.join(root, majors[0], 'bin');
}

const files = (dir: string) => ({
  data: path.join(dir, 'data'),
  pid: path.join(dir, 'postgres.pid'),
  log: path.join(dir, 'postgres.log'),
  endpoint: path.join(dir, 'endpoint.json'),
});

async function query(endpoint: PostgresEndpoint, sql: string) {
  const client = new Client({
    connectionString: endpoint.connectionString,
    connectionTimeoutMillis: 2000,
  });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

/** The endpoint of the instance in `dir` if it runs and answers a query. */
export async function probePostgres(
  dir: string,
): Promise<PostgresEndpoint | undefined> {
  const f = files(dir);
  const endpoint = await readJson<PostgresEndpoint>(f.endpoint);
  if (!endpoint || !(await isPidFileAlive(f.pid, f.data))) return undefined;
  try {
    await query(endpoint, 'select 1');
    return endpoint;
  } catch {
    return undefined;
  }
}

/**
 * Starts (initialising on first use) a PostgreSQL instance in `dir`, run as the
 * `postgres` user when the lab runs as root. The data survives restarts.
 */
export async function startPostgres(
  options: PostgresInstanceOptions,
): Promise<PostgresEndpoint> {
  const { dir, host = LAB_HOST, port = LAB_PORTS.postgres } = options;
  const report = options.report ?? silentReporter;
  const f = files(dir);
  const bin = postgresBinDir();
  const user = serviceUser('postgres');
  await fsp.mkdir(dir, { recursive: true, mode: 0o700 });

  const passwordFile = path.join(dir, 'password');
  if (!(await exists(path.join(f.data, 'PG_VERSION')))) {
    report(`postgres: initdb in ${f.data}`);
    await fsp.rm(f.data, { recursive: true, force: true });
    await fsp.writeFile(
      passwordFile,
      crypto.randomBytes(18).toString('base64url'),
      {
        mode: 0o600,
      },
    );
    await chownTree(dir, user);
    await run(
      path.join(bin, 'initdb'),
      [
        '-D',
        f.data,
        '-U',
        USER,
        `--pwfile=${passwordFile}`,
        '--auth-host=scram-sha-256',
        '--auth-local=trust',
        '--encoding=UTF8',
        '--locale=C.UTF-8',
        '--no-sync',
      ],
      { user, cwd: dir },
    );
  }
  const password = (await fsp.readFile(passwordFile, 'utf8')).trim();
  await chownTree(dir, user);

  report(`postgres: starting on ${host}:${port}`);
  const pid = await startDaemon({
    command: path.join(bin, 'postgres'),
    args: [
      '-D',
      f.data,
      '-c',
      `listen_addresses=${host}`,
      '-c',
      `port=${port}`,
      '-c',
      'unix_socket_directories=',
      '-c',
      'max_connections=300',
      // A test database: durability against a machine crash is not needed, speed is.
      '-c',
      'fsync=off',
      '-c',
      'synchronous_commit=off',
      '-c',
      'full_page_writes=off',
    ],
    cwd: dir,
    logFile: f.log,
    pidFile: f.pid,
    user,
  });

  const endpoint: PostgresEndpoint = {
    host,
    port,
    user: USER,
    password,
    database: DATABASE,
    connectionString: `postgresql://${USER}:${encodeURIComponent(
      password,
    )}@${host}:${port}/${DATABASE}`,
  };
  const admin = {
    ...endpoint,
    connectionString: endpoint.connectionString.replace(
      /\/diehard$/,
      '/postgres',
    ),
  };
  await waitFor(`postgres on ${host}:${port}`, () => query(admin, 'select 1'), {
    timeoutMs: 60_000,
    alive: () => isAlive(pid),
    logFile: f.log,
  });
  const { rowCount } = await query(
    admin,
    `select 1 from pg_database where datname = '${DATABASE}'`,
  );
  if (!rowCount) await query(admin, `create database ${DATABASE}`);
  await writeJson(f.endpoint, endpoint);
  return endpoint;
}

/** Fast shutdown (SIGINT: running transactions are rolled back, data is kept). */
export async function stopPostgres(dir: string) {
  const f = files(dir);
  await stopDaemon(f.pid, {
    signal: 'SIGINT',
    expect: f.data,
    timeoutMs: 30_000,
  });
}

export const postgresComponent: LabComponent<PostgresEndpoint> = {
  name: 'postgres',
  probe: ctx => probePostgres(ctx.dir),
  start: ctx => startPostgres({ dir: ctx.dir, report: ctx.report }),
  stop: ctx => stopPostgres(ctx.dir),
  async processes(ctx) {
    const f = files(ctx.dir);
    const pid = await readPid(f.pid);
    return [{ name: 'postgres', pid, alive: isAlive(pid, f.data) }];
  },
};
