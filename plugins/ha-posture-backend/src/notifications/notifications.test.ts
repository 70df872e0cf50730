import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import notificationsPlugin from '@backstage/plugin-notifications-backend';
import request from 'supertest';
import { MANIFESTS_PATH_ANNOTATION } from '@diehard/plugin-ha-posture-common';
import { haPosturePlugin } from '../plugin';
import { corpusDir } from '../__testUtils__/corpus';

const corpus = corpusDir('replicas');

function entities(folder: string): Entity[] {
  const location = `file:${path.join(folder, 'catalog-info.yaml')}`;
  return [
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name: 'orders',
        namespace: 'default',
        annotations: {
          'backstage.io/managed-by-location': location,
          'backstage.io/managed-by-origin-location': location,
          [MANIFESTS_PATH_ANNOTATION]: '.',
        },
      },
      spec: { type: 'service', lifecycle: 'production', owner: 'dev-team' },
      relations: [{ type: 'ownedBy', targetRef: 'group:default/dev-team' }],
    },
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: 'dev-team', namespace: 'default' },
      spec: { type: 'team', children: [] },
      relations: [{ type: 'hasMember', targetRef: 'user:default/alice' }],
    },
  ];
}

const ALICE = mockCredentials.user.header('user:default/alice');
const BOB = mockCredentials.user.header('user:default/bob');

describe('HA posture notifications to the owner group', () => {
  let server: any;
  let stop: () => Promise<void>;
  let folder: string;
  const scheduler = mockServices.scheduler();

  const useManifests = (corpusFolder: string) =>
    fs.copyFile(
      path.join(corpus, corpusFolder, 'manifests.yaml'),
      path.join(folder, 'manifests.yaml'),
    );
  const refresh = () => scheduler.triggerTask('ha-posture-refresh');
  const notificationsOf = async (user: string) => {
    const res = await request(server)
      .get('/api/notifications/notifications')
      .set('Authorization', user);
    expect(res.status).toBe(200);
    return res.body.notifications as Array<{
      origin: string;
      payload: { title: string; link: string; scope: string };
    }>;
  };

  beforeAll(async () => {
    folder = await fs.mkdtemp(path.join(os.tmpdir(), 'posture-notify-'));
    const backend = await startTestBackend({
      features: [
        haPosturePlugin,
        notificationsPlugin,
        catalogServiceMock.factory({ entities: entities(folder) }),
        createServiceFactory({
          service: coreServices.scheduler,
          deps: {},
          factory: () => scheduler,
        }),
        mockServices.rootConfig.factory({
          data: {
            app: { baseUrl: 'http://localhost:3000' },
            kubernetes: {
              serviceLocatorMethod: { type: 'multiTenant' },
              clusterLocatorMethods: [{ type: 'config', clusters: [] }],
            },
          },
        }),
      ],
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
      'orders: HA grade dropped from A to D',
      'orders: new single point of failure',
    ]);
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
      'orders: HA grade dropped from A to D',
      'orders: new single point of failure',
    ]);
  });
});
