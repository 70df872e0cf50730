import path from 'node:path';
import knexFactory, { Knex } from 'knex';
import { storedPosture } from '../__testUtils__/storedPosture';
import { PostureStore } from './PostureStore';

const migrations = path.resolve(__dirname, '../../migrations');

const posture = (entityRef: string, grade: 'A' | 'F', critical: number) =>
  storedPosture(entityRef, grade, { critical });

describe('PostureStore', () => {
  let knex: Knex;

  beforeEach(() => {
    knex = knexFactory({
      client: 'better-sqlite3',
      connection: ':memory:',
      useNullAsDefault: true,
    });
  });
  afterEach(() => knex.destroy());

  it('lists the postures saved before the fleet columns existed with their grade and counts', async () => {
    await knex.migrate.up({
      directory: migrations,
      name: '20261122000000_init.js',
    });
    const old = posture('component:default/cart', 'F', 2);
    await knex('posture_latest').insert({
      entity_ref: old.entityRef,
      evaluated_at: new Date(old.evaluatedAt),
      body: JSON.stringify(old),
    });

    const store = await PostureStore.create({
      getClient: async () => knex,
    } as any);
    await store.save(posture('component:default/search', 'A', 0));

    const summaries = await store.summaries();
    expect(
      summaries.sort((a, b) => a.entityRef.localeCompare(b.entityRef)),
    ).toEqual([
      {
        entityRef: 'component:default/cart',
        evaluatedAt: '2026-11-20T10:00:00.000Z',
        grade: 'F',
        critical: 2,
        warning: 0,
        source: 'live',
      },
      {
        entityRef: 'component:default/search',
        evaluatedAt: '2026-11-20T10:00:00.000Z',
        grade: 'A',
        critical: 0,
        warning: 0,
        source: 'live',
      },
    ]);
  });

  it('forgets postures that named their manifests by a server path, and rows of entities that were never evaluated, keeping their history', async () => {
    for (const name of [
      '20261122000000_init.js',
      '20261122010000_fleet_summary.js',
    ]) {
      await knex.migrate.up({ directory: migrations, name });
    }
    const before = await PostureStore.create({
      getClient: async () => knex,
      migrations: { skip: true },
    } as any);
    await before.save(posture('component:default/cart', 'A', 0));
    await before.save({
      ...posture('component:default/todo', 'F', 1),
      source: { type: 'manifests', location: '/srv/backstage/repo/k8s' },
    });
    await before.save({
      ...posture('user:default/alice', 'A', 0),
      grade: null,
      source: { type: 'none', reason: 'no workload labelled' },
    });

    const after = await PostureStore.create({
      getClient: async () => knex,
    } as any);
    expect((await after.summaries()).map(s => s.entityRef)).toEqual([
      'component:default/cart',
    ]);
    expect(await after.latest('component:default/todo')).toBeUndefined();
    expect(await after.history('component:default/todo')).toHaveLength(1);
  });
});
