import mysql from 'mysql2/promise';
import { GaleraLab, useLab } from '../../useLab';
import { waitFor } from '../../util/wait';

jest.setTimeout(240_000);

describe('galera', () => {
  let galera: GaleraLab;
  const table = `lab_probe_${process.pid}`;

  const connect = (i: number) =>
    mysql.createConnection({
      host: galera.nodes[i].host,
      port: galera.nodes[i].port,
      user: galera.user,
      password: galera.password,
      database: galera.database,
    });
  const onNode = async <T>(
    i: number,
    fn: (c: mysql.Connection) => Promise<T>,
  ) => {
    const c = await connect(i);
    try {
      return await fn(c);
    } finally {
      await c.end();
    }
  };
  const names = (i: number) =>
    onNode(i, async c => {
      const [rows] = await c.query<mysql.RowDataPacket[]>(
        `SELECT name FROM ${table} ORDER BY id`,
      );
      return rows.map(r => r.name);
    });

  beforeAll(async () => {
    ({ galera } = await useLab(['galera']));
    await onNode(0, c =>
      c.query(
        `CREATE TABLE IF NOT EXISTS ${table} (id INT PRIMARY KEY, name TEXT)`,
      ),
    );
    await onNode(0, c => c.query(`DELETE FROM ${table}`));
  });

  afterAll(async () => {
    // Leave the shared cluster whole for the next suite.
    for (let i = 0; i < galera.nodes.length; i++) {
      const s = await galera.status(i).catch(() => undefined);
      if (s?.clusterStatus !== 'Primary' || s.localState !== 'Synced')
        await galera.restart(i);
    }
    await onNode(0, c => c.query(`DROP TABLE IF EXISTS ${table}`));
  });

  it('is one Primary cluster of 3 where a row written on one node is read on another', async () => {
    expect(galera.nodes.map(n => n.port)).not.toContain(3306);
    for (let i = 0; i < 3; i++) {
      await expect(galera.status(i)).resolves.toMatchObject({
        clusterSize: 3,
        clusterStatus: 'Primary',
        localState: 'Synced',
      });
    }
    await onNode(0, c =>
      c.query(`INSERT INTO ${table} VALUES (1, 'written on node-0')`),
    );
    await expect(names(2)).resolves.toEqual(['written on node-0']);
  });

  it('keeps a Primary component of 2 when a node is killed, and the node rejoins with what it missed', async () => {
    await galera.kill(2);
    await expect(connect(2)).rejects.toThrow(/ECONNREFUSED/);
    const survivor = await waitFor(
      'the survivors to see a cluster of 2',
      async () => {
        const s = await galera.status(0);
        return s.clusterSize === 2 ? s : undefined;
      },
      { timeoutMs: 30_000 },
    );
    expect(survivor).toMatchObject({ clusterStatus: 'Primary', ready: true });
    await onNode(1, c =>
      c.query(
        `INSERT INTO ${table} VALUES (2, 'written while node-2 was down')`,
      ),
    );

    await galera.restart(2);
    await expect(galera.status(2)).resolves.toMatchObject({
      clusterSize: 3,
      localState: 'Synced',
    });
    await expect(names(2)).resolves.toEqual([
      'written on node-0',
      'written while node-2 was down',
    ]);
  });

  it('takes a partitioned node out of the Primary component until it is healed', async () => {
    await galera.partition(2);
    expect((await galera.status(2)).clusterStatus).not.toBe('Primary');
    await expect(names(2)).rejects.toThrow(/WSREP has not yet prepared node/);
    await waitFor(
      'the majority to see a cluster of 2',
      async () =>
        (await galera.status(0)).clusterSize === 2 ? true : undefined,
      { timeoutMs: 30_000 },
    );
    await onNode(0, c =>
      c.query(
        `INSERT INTO ${table} VALUES (3, 'written during the partition')`,
      ),
    );

    await galera.heal(2);
    await expect(galera.status(2)).resolves.toMatchObject({
      clusterSize: 3,
      clusterStatus: 'Primary',
    });
    await expect(names(2)).resolves.toContain('written during the partition');
  });
});
