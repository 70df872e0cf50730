import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Galera } from './lab';

/**
 * Runs SQL with the mariadb client; resolves its tab-separated output. On `node`, or
 * else on the first node that takes it: another suite may have a node down, and a
 * refused connection or a node out of the Primary component applied nothing.
 */
export async function sql(galera: Galera, statement: string, node?: number) {
  if (node !== undefined) return sqlOn(galera, statement, node);
  let refused: unknown;
  for (const n of [1, 2, 0]) {
    try {
      return await sqlOn(galera, statement, n);
    } catch (e) {
      if (!/ERROR (2002|2003|1047) /.test(String(e))) throw e;
      refused = e;
    }
  }
  throw refused;
}

function sqlOn(galera: Galera, statement: string, node: number) {
  const { host, port } = galera.nodes[node];
  return new Promise<string>((resolve, reject) => {
    const client = spawn(
      'mariadb',
      ['-h', host, '-P', String(port), '-u', galera.user, '-N', '-B'],
      { env: { ...process.env, MYSQL_PWD: galera.password } },
    );
    let out = '';
    let err = '';
    client.stdout.on('data', d => (out += d));
    client.stderr.on('data', d => (err += d));
    client.on('error', reject);
    client.on('close', code =>
      code === 0
        ? resolve(out)
        : reject(new Error(`mariadb on node-${node}: ${err}`)),
    );
    client.stdin.end(statement);
  });
}

/** A database of the suite's own on the shared cluster. */
export async function createDatabase(galera: Galera): Promise<string> {
  const database = `diehard_surv_${crypto.randomBytes(4).toString('hex')}`;
  await sql(galera, `CREATE DATABASE ${database}`);
  return database;
}

/** The DB_URL of the generated Deployment. */
export function generatedDsn(project: string): string {
  const deployment = fs.readFileSync(
    path.join(project, 'k8s/deployment.yaml'),
    'utf8',
  );
  return deployment.match(/- name: DB_URL\n\s+value: (.*)/)![1].trim();
}

/** The generated DSN as a developer would narrow it to one host: its first node. */
export function singleHostDsn(dsn: string): string {
  const m = dsn.match(/^jdbc:mariadb:(?:\w+:)?\/\/([^,/]+)[^/]*(\/.*)$/);
  if (!m) throw new Error(`not a MariaDB DSN: ${dsn}`);
  return `jdbc:mariadb://${m[1]}${m[2]}`;
}

/**
 * A generated DSN pointed at the lab: each `galera-<i>.galera:3306` becomes node i's
 * loopback address and port, the database the suite's own; everything else is kept.
 */
export function labDsn(dsn: string, galera: Galera, database: string): string {
  const out = dsn
    .replace(/galera-(\d+)\.galera:3306/g, (_, i) => {
      const node = galera.nodes[Number(i)];
      return `${node.host}:${node.port}`;
    })
    .replace(/\/todo(\?|$)/, `/${database}$1`);
  if (out.includes('galera') || !out.includes(database))
    throw new Error(`cannot point ${dsn} at the lab`);
  return out;
}

/** Replaces the Deployment's DB_URL (for the posture engine to judge the variant). */
export function setGeneratedDsn(project: string, dsn: string) {
  const file = path.join(project, 'k8s/deployment.yaml');
  const before = fs.readFileSync(file, 'utf8');
  const after = before.replace(
    /(- name: DB_URL\n\s+value: ).*/,
    (_, head) => `${head}${dsn}`,
  );
  if (after === before) throw new Error('DB_URL not found in deployment.yaml');
  fs.writeFileSync(file, after);
}
