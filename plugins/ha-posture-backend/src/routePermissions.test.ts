import path from 'node:path';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { PermissionsService } from '@backstage/backend-plugin-api';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { Entity } from '@backstage/catalog-model';
import request from 'supertest';
import {
  componentOnDisk,
  startPostureBackend,
} from './__testUtils__/postureBackend';
import { corpusDir } from './__testUtils__/corpus';

// Each test starts a backend: seconds on a loaded machine, more than Jest's default 5 s.
jest.setTimeout(60_000);

const corpus = corpusDir('service');
const HA = 'component:default/eni-todo-ha';
const FRAGILE = 'component:default/eni-todo-fragile';
const CAROL = 'user:default/carol';

const entities: Entity[] = ['eni-todo-ha', 'eni-todo-fragile'].map(name =>
  componentOnDisk(name, path.join(corpus, name, 'catalog-info.yaml')),
);

/**
 * A policy's answers as the permissions service gives them: everything is allowed,
 * except to Carol the fragile service's posture and the clusters.
 */
const authorize: PermissionsService['authorize'] = async (
  requests,
  options,
) => {
  const user = (options.credentials.principal as { userEntityRef?: string })
    ?.userEntityRef;
  return requests.map(r => {
    const refused =
      user === CAROL &&
      ((r.permission.name === 'ha-posture.entity.read' &&
        'resourceRef' in r &&
        r.resourceRef === FRAGILE) ||
        r.permission.name === 'ha-posture.cluster.read' ||
        r.permission.name === 'kubernetes.clusters.read');
    return { result: refused ? AuthorizeResult.DENY : AuthorizeResult.ALLOW };
  });
};

const asCarol = { Authorization: mockCredentials.user.header(CAROL) };

describe('what the policy lets a user read', () => {
  it('lists in the fleet only the postures the user may read', async () => {
    const { server } = await startPostureBackend({
      entities,
      features: [mockServices.permissions.mock({ authorize }).factory],
    });
    for (const name of ['eni-todo-ha', 'eni-todo-fragile']) {
      await request(server)
        .get(`/api/ha-posture/entities/component/default/${name}`)
        .expect(200);
    }
    const refs = async (headers: Record<string, string> = {}) =>
      (
        await request(server).get('/api/ha-posture/fleet').set(headers)
      ).body.entries
        .map((e: { entityRef: string }) => e.entityRef)
        .sort();

    expect(await refs()).toEqual([FRAGILE, HA]);
    expect(await refs(asCarol)).toEqual([HA]);
    const fragile = await request(server)
      .get('/api/ha-posture/entities/component/default/eni-todo-fragile')
      .set(asCarol);
    expect(fragile.status).toBe(403);
  });

  it("refuses the clusters' posture and their auth needs to a user the policy refuses", async () => {
    const { server } = await startPostureBackend({
      entities,
      features: [mockServices.permissions.mock({ authorize }).factory],
    });
    for (const [route, permission] of [
      ['/clusters', 'ha-posture.cluster.read'],
      ['/cluster-auth', 'kubernetes.clusters.read'],
    ]) {
      const refused = await request(server)
        .get(`/api/ha-posture${route}`)
        .set(asCarol);
      expect([route, refused.status, refused.body.error?.message]).toEqual([
        route,
        403,
        `not allowed: ${permission}`,
      ]);
      expect(
        (await request(server).get(`/api/ha-posture${route}`)).status,
      ).toBe(200);
    }
  });
});
