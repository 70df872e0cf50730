import path from 'node:path';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import searchPlugin from '@backstage/plugin-search-backend';
import request from 'supertest';
import { HA_POSTURE_SEARCH_TYPE } from '@diehard/plugin-ha-posture-common';
// The collator reads the posture backend over HTTP: the test runs it, as the app does.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import haPosturePlugin from '@diehard/plugin-ha-posture-backend';
import {
  NO_KUBERNETES_CLUSTERS,
  postureComponent,
  sharedScheduler,
} from '@diehard/backend-test-utils';
import { searchModuleHaPostureCollator } from '../module';
import { HaPostureDocument } from '../collator/postureDocument';

const corpus = path.resolve(
  require.resolve('@diehard/plugin-ha-posture-common/package.json'),
  '../corpus',
);

/** A component whose manifests are a folder of the posture corpus. */
export function component(name: string, folder: string): Entity {
  return postureComponent(name, path.join(corpus, folder, 'catalog-info.yaml'));
}

export const USER = {
  Authorization: mockCredentials.user.header('user:default/alice'),
};

/**
 * The real search backend (lunr, its default engine) with this collator, the real
 * posture backend, and an in-memory catalog holding `entities`. Nothing runs on a
 * schedule: `index()` evaluates every posture, then indexes them.
 */
export async function startSearchBackend(
  entities: Entity[],
  options: {
    /** Replaces the in-memory catalog (the real catalog backend and its modules). */
    catalog?: any[];
    extra?: any[];
    config?: Record<string, unknown>;
  } = {},
) {
  const { scheduler, factory: schedulerFactory } = sharedScheduler();
  const backend = await startTestBackend({
    features: [
      searchPlugin,
      searchModuleHaPostureCollator,
      haPosturePlugin,
      ...(options.catalog ?? [catalogServiceMock.factory({ entities })]),
      // No task runs unless index() says so.
      schedulerFactory,
      mockServices.rootConfig.factory({
        data: { kubernetes: NO_KUBERNETES_CLUSTERS, ...options.config },
      }),
      ...(options.extra ?? []),
    ],
  });
  return {
    backend,
    scheduler,
    async index() {
      await scheduler.triggerTask('ha-posture-refresh');
      await scheduler.triggerTask('search_index_ha_posture');
    },
    /** The documents the search answers for `term`, best first, as a user sees them. */
    async search(
      term: string,
      headers: Record<string, string> = USER,
    ): Promise<HaPostureDocument[]> {
      const res = await request(backend.server)
        .get('/api/search/query')
        .query({ term, types: [HA_POSTURE_SEARCH_TYPE] })
        .set(headers);
      expect(res.status).toBe(200);
      return res.body.results.map((r: { document: unknown }) => r.document);
    },
  };
}
