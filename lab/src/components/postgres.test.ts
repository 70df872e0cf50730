import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { useLab } from '../useLab';
import { freePort } from '../util/net';
import { startPostgres, stopPostgres } from './postgres';

jest.setTimeout(120_000);

async function withClient<T>(
  connectionString: string,
  fn: (c: Client) => Promise<T>,
) {
  const client = new Client({ connectionString });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

describe('postgres', () => {
  it('gives a suite a database where a written row reads back', async () => {
    const lab = await useLab(['postgres']);

    expect(lab.postgres.connectionString).toBe(
      `postgresql://${lab.postgres.user}:${encodeURIComponent(
        lab.postgres.password,
      )}` +
        `@${lab.postgres.host}:${lab.postgres.port}/${lab.postgres.database}`,
    );
    expect(lab.postgres.port).not.toBe(5432);
    const table = `lab_probe_${process.pid}_${Date.now()}`;
    const rows = await withClient(lab.postgres.connectionString, async c => {
      await c.query(`create table ${table} (id int primary key, name text)`);
      await c.query(`insert into ${table} values (1, 'replica-safe')`);
      const { rows: read } = await c.query(
        `select name from ${table} where id = 1`,
      );
      await c.query(`drop table ${table}`);
      return read;
    });
    expect(rows).toEqual([{ name: 'replica-safe' }]);
  });

  it('is reused, not restarted, when asked for again', async () => {
    const first = await useLab(['postgres']);
    const pid = await withClient(first.postgres.connectionString, async c =>
      (
        await c.query('select pg_postmaster_start_time() as t')
      ).rows[0].t.getTime(),
    );
    const second = await useLab(['postgres']);
    expect(second.postgres).toEqual(first.postgres);
    const again = await withClient(second.postgres.connectionString, async c =>
      (
        await c.query('select pg_postmaster_start_time() as t')
      ).rows[0].t.getTime(),
    );
    expect(again).toBe(pid);
  });

  it('keeps committed rows across a server restart (private instance)', async () => {
    const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'diehard-lab-pg-'));
    try {
      const port = await freePort();
      const before = await startPostgres({ dir, port });
      await withClient(before.connectionString, async c => {
        await c.query('create table deploys (service text, replicas int)');
        await c.query(`insert into deploys values ('checkout', 3)`);
      });

      await stopPostgres(dir);
      await expect(
        withClient(before.connectionString, async () => {}),
      ).rejects.toThrow(/ECONNREFUSED/);

      const after = await startPostgres({ dir, port });
      expect(after.password).toBe(before.password);
      const rows = await withClient(
        after.connectionString,
        async c =>
          (
            await c.query('select service, replicas from deploys')
          ).rows,
      );
      expect(rows).toEqual([{ service: 'checkout', replicas: 3 }]);
    } finally {
      await stopPostgres(dir);
      await fsp.rm(dir, { recursive: true, force: true });
    }
  });
});
