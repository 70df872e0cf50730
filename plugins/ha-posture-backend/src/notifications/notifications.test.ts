import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Entity } from '@backstage/catalog-model';
import notificationsPlugin from '@backstage/plugin-notifications-backend';
import {
  notificationsOf as notificationsOfUser,
  postureComponent,
  sharedScheduler,
  teamGroup,
} from '@diehard/backend-test-utils';
import { corpusDir } from '../__testUtils__/corpus';
import { startPostureBackend } from '../__testUtils__/postureBackend';

const corpus = corpusDir('replicas');
const ALICE = 'user:default/alice';
const BOB = 'user:default/bob';

function entities(folder: string): Entity[] {
  return [
    postureComponent('orders', path.join(folder, 'catalog-info.yaml')),
    teamGroup('dev-team', ALICE),
  ];
}

describe('HA posture notifications to the owner group', () => {
  let server: any;
  let stop: () => Promise<void>;
  let folder: string;
  const { scheduler, factory: schedulerFactory } = sharedScheduler();

  const useManifests = (corpusFolder: string) =>
    fs.copyFile(
      path.join(corpus, corpusFolder, 'manifests.yaml'),
      path.join(folder, 'manifests.yaml'),
    );
  const refresh = () => scheduler.triggerTask('ha-posture-refresh');
  const notificationsOf = (user: string) =>
    notificationsOfUser<{
      origin: string;
      payload: {
        title: string;
        description: string;
        link: string;
        scope: string;
      };
    }>(server, user);

  beforeAll(async () => {
    folder = await fs.mkdtemp(path.join(os.tmpdir(), 'posture-notify-'));
    const backend = await startPostureBackend({
      entities: entities(folder),
      config: { app: { baseUrl: 'http://localhost:3000' } },
      features: [notificationsPlugin, schedulerFactory],
    });
    server = backend.server;
    stop = () => backend.stop();
  }, 60_000);

  afterAll(async () => {
    await stop();
    await fs.rm(folder, { recursive: true, force: true });
  });

  it('tells the owner group once when the grade drops and a single point of failure appears', async () => {
    await useManifests('three-replicas');
    await refresh();
    expect(await notificationsOf(ALICE)).toEqual([]);

    await useManifests('single-replica');
    await refresh();
    const told = await notificationsOf(ALICE);
    expect(told.map(n => n.payload.title).sort()).toEqual([
      'orders: HA grade dropped from A to D / note HA passée de A à D',
      'orders: new single point of failure / nouveau point de défaillance unique',
    ]);
    // No per-user language in notifications: each says it in English, then in French.
    const descriptions = Object.fromEntries(
      told.map(n => [n.payload.title.split(': ')[1], n.payload.description]),
    );
    expect(descriptions).toEqual({
      'HA grade dropped from A to D / note HA passée de A à D':
        "The HA posture of component:default/orders got worse: see its findings. — La posture HA de component:default/orders s'est dégradée : consultez ses constats.",
      // The single point of failure itself, from the engine's French catalog.
      'new single point of failure / nouveau point de défaillance unique':
        "If the node running Deployment orders fails, orders loses Deployment orders until it is rescheduled. — Si le nœud qui exécute Deployment orders tombe en panne, orders perd Deployment orders jusqu'à ce qu'il soit replanifié.",
    });
    expect(told[0]).toMatchObject({
      origin: 'plugin:ha-posture',
      payload: { link: '/catalog/default/component/orders/ha-posture' },
    });
    expect(await notificationsOf(BOB)).toEqual([]);

    // The same drop again (fixed, then broken again): still one notification per event.
    await useManifests('three-replicas');
    await refresh();
    await useManifests('single-replica');
    await refresh();
    await refresh();
    expect(
      (await notificationsOf(ALICE)).map(n => n.payload.title).sort(),
    ).toEqual([
      'orders: HA grade dropped from A to D / note HA passée de A à D',
      'orders: new single point of failure / nouveau point de défaillance unique',
    ]);
  });
});
