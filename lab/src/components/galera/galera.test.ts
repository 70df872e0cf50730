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
    await galera.exclusive(async () => {
      await onNode(0, c =>
        c.query(
          `CREATE TABLE IF NOT EXISTS ${table} (id INT PRIMARY KEY, name TEXT)`,
        ),
      );
      await onNode(0, c => c.query(`DELETE FROM ${table}`));
    });
  });

  afterAll(() =>
    galera.exclusive(() =>
      onNode(0, c => c.query(`DROP TABLE IF EXISTS ${table}`)),
    ),
  );

  // Other suites break the same cluster: each test here has it to itself.
  it('is one Primary cluster of 3 where a row written on one node is read on another', async () => {
    expect(galera.nodes.map(n => n.port)).not.toContain(3306);
    await galera.exclusive(async () => {
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
  });

  it('keeps a Primary component of 2 when a node is killed, and the node rejoins with what it missed', async () => {
    await galera.exclusive(async () => {
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
  });

  it('takes a partitioned node out of the Primary component until it is healed', async () => {
    await galera.exclusive(async () => {
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

  it('gives the cluster to one holder at a time and leaves it whole, whatever the holder left down', async () => {
    const seen: string[] = [];
    let killed!: () => void;
    const nodeDown = new Promise<void>(resolve => (killed = resolve));
    const first = galera.exclusive(async () => {
      await galera.kill(1);
      killed();
      await new Promise(r => setTimeout(r, 2_000));
      seen.push('the first holder ends with node-1 down');
    });
    await nodeDown;
    const second = galera.exclusive(async () => {
      seen.push('the second holder starts');
      return Promise.all([0, 1, 2].map(i => galera.status(i)));
    });
    await first;
    const states = await second;
    expect(seen).toEqual([
      'the first holder ends with node-1 down',
      'the second holder starts',
    ]);
    for (const s of states)
      expect(s).toMatchObject({
        clusterSize: 3,
        clusterStatus: 'Primary',
        localState: 'Synced',
      });
  });
});
