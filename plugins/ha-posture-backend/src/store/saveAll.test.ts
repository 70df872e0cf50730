import { randomBytes } from 'node:crypto';
import knexFactory, { Knex } from 'knex';
import { dropDatabasesWithPrefix, useLab } from '@diehard/lab';
import { storedPosture } from '../__testUtils__/storedPosture';
import { PostureStore } from './PostureStore';

jest.setTimeout(120_000);

/** More entities than one statement holds: the scheduled refresh's batches. */
const ENTITIES = 250;

const posture = (
  i: number,
  grade: 'A' | 'F',
  evaluatedAt: string,
  singlePointsOfFailure: string[] = [],
) =>
  storedPosture(`component:default/svc-${i}`, grade, {
    evaluatedAt,
    singlePointsOfFailure,
  });

const T1 = '2026-12-01T10:00:00.000Z';
const T2 = '2026-12-01T10:10:00.000Z';
const T3 = '2026-12-01T10:20:00.000Z';

describe.each(['SQLite', 'PostgreSQL'])(
  'saving a whole refresh at once (%s)',
  database => {
    let knex: Knex;
    let store: PostureStore;
    let dropPg: (() => Promise<void>) | undefined;

    beforeAll(async () => {
      if (database === 'SQLite') {
        knex = knexFactory({
          client: 'better-sqlite3',
          connection: ':memory:',
          useNullAsDefault: true,
        });
      } else {
        const { postgres: pg } = await useLab(['postgres']);
        const prefix = `diehard_saveall_${randomBytes(4).toString('hex')}_`;
        const server = {
          host: pg.host,
          port: pg.port,
          user: pg.user,
          password: pg.password,
        };
        const admin = knexFactory({
          client: 'pg',
          connection: { ...server, database: 'postgres' },
        });
        await admin.raw(`CREATE DATABASE "${prefix}store"`);
        await admin.destroy();
        knex = knexFactory({
          client: 'pg',
          connection: { ...server, database: `${prefix}store` },
        });
        dropPg = () => dropDatabasesWithPrefix(pg, prefix);
      }
      store = await PostureStore.create({ getClient: async () => knex } as any);
    });

    afterAll(async () => {
      await knex?.destroy();
      await dropPg?.();
    });

    it('keeps every posture, and one history row per change of grade or counts', async () => {
      const refs = Array.from(
        { length: ENTITIES },
        (_, i) => `component:default/svc-${i}`,
      );
      const grades = (i: number) => (i % 2 ? 'F' : 'A');
      await store.saveAll(
        Array.from({ length: ENTITIES }, (_, i) => posture(i, grades(i), T1)),
      );
      // A second refresh: nothing changed but the time; then every tenth service fixed.
      await store.saveAll(
        Array.from({ length: ENTITIES }, (_, i) => posture(i, grades(i), T2)),
      );
      await store.saveAll(
        Array.from({ length: ENTITIES }, (_, i) =>
          posture(i, i % 10 === 1 ? 'A' : grades(i), T3),
        ),
      );

      const summaries = await store.summaries();
      expect(summaries).toHaveLength(ENTITIES);
      expect(new Set(summaries.map(s => s.evaluatedAt))).toEqual(new Set([T3]));
      const byRef = new Map(summaries.map(s => [s.entityRef, s]));
      expect(byRef.get(refs[1])).toMatchObject({ grade: 'A', critical: 0 });
      expect(byRef.get(refs[3])).toMatchObject({ grade: 'F', critical: 1 });

      expect(
        (await store.history(refs[1])).map(h => [h.evaluatedAt, h.grade]),
      ).toEqual([
        [T1, 'F'],
        [T3, 'A'],
      ]);
      expect(
        (await store.history(refs[3])).map(h => [h.evaluatedAt, h.grade]),
      ).toEqual([[T1, 'F']]);
      const { count } = (await knex('posture_history')
        .count({ count: '*' })
        .first()) as { count: number | string };
      expect(Number(count)).toBe(ENTITIES + ENTITIES / 10);

      const latest = await store.latestOf([...refs, 'component:default/none']);
      expect(latest.size).toBe(ENTITIES);
      expect(latest.get(refs[7])).toEqual(posture(7, 'F', T3));
      expect(await store.latest(refs[7])).toEqual(posture(7, 'F', T3));
    });

    it('saves one posture per entity when it is given twice: the last one', async () => {
      await store.saveAll([
        posture(0, 'F', T3, ['one node']),
        posture(0, 'A', T3),
      ]);
      expect(await store.latest('component:default/svc-0')).toEqual(
        posture(0, 'A', T3),
      );
    });
  },
);
