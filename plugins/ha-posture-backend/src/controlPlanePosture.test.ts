import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { ClusterPosture } from '@diehard/plugin-ha-posture-common';
import type { KubernetesLab } from '@diehard/lab';
import { haPosturePlugin } from './plugin';
import { labClusterLocators } from './__testUtils__/labStacks';

// A private multi-master lab (own state dir, ports shifted by 11000: clear of the shared
// labs at 0 and 1000 and of the lab's own multi-master test at 10000), stopped at the end.
jest.setTimeout(10 * 60_000);

describe('cluster posture of a multi-master lab (3 etcd, 3 API servers)', () => {
  let dir: string;
  let lab: typeof import('@diehard/lab');
  let k8s: KubernetesLab;
  let backend: Awaited<ReturnType<typeof startTestBackend>>;

  beforeAll(async () => {
    dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'diehard-posture-ha-'));
    process.env.DIEHARD_LAB_DIR = dir;
    process.env.DIEHARD_LAB_PORT_OFFSET = '11000';
    // Loaded now, so that the ports follow this lab's offset.
    lab = jest.requireActual<typeof import('@diehard/lab')>('@diehard/lab');
    ({ kubernetes: k8s } = await lab.useLab(['kubernetes'], {
      controlPlane: 'ha',
    }));
    backend = await startTestBackend({
      features: [
        haPosturePlugin,
        catalogServiceMock.factory({ entities: [] }),
        mockServices.rootConfig.factory({
          data: {
            kubernetes: {
              serviceLocatorMethod: { type: 'multiTenant' },
              clusterLocatorMethods: labClusterLocators(k8s),
            },
          },
        }),
      ],
    });
  }, 10 * 60_000);

  afterAll(async () => {
    await backend?.stop();
    if (lab) await lab.labDown(['kubernetes']).catch(() => {});
    if (dir) await fsp.rm(dir, { recursive: true, force: true });
  }, 120_000);

  const clusterPosture = async (): Promise<ClusterPosture> => {
    const res = await request(backend.server).get('/api/ha-posture/clusters');
    expect(res.status).toBe(200);
    return res.body.clusters[0];
  };

  it('counts 3 API servers from their identity leases and names the leaders', async () => {
    const posture = await clusterPosture();
    const cp = posture.facts.controlPlane!;
    expect(cp.apiServers).toMatchObject({
      count: 3,
      alive: 3,
      source: 'identity-leases',
    });
    expect(cp.controllerManagers.leader).toMatch(/^diehard-lab-master-\d_/);
    expect(cp.schedulers.leader).toMatch(/^diehard-lab-master-\d_/);
    expect(posture.findings.map(f => f.rule)).not.toContain(
      'control-plane-api-servers',
    );
    // etcd runs as processes here (no etcd pod, no API server pod with --etcd-servers):
    // the cluster does not show it, so the grade is not A.
    expect(cp.unknown).toEqual(['etcdMembers']);
    expect(posture.grade).not.toBe('A');
  });

  it('shows 2 of 3 API servers up once one is killed, within one refresh after its lease lapses', async () => {
    const cp = k8s.controlPlane!;
    await cp.kill('kube-apiserver-2');
    const killed = Date.now();
    try {
      let posture = await clusterPosture();
      while (posture.facts.controlPlane!.apiServers.alive !== 2) {
        if (Date.now() - killed > 90_000)
          throw new Error(
            `still ${JSON.stringify(posture.facts.controlPlane!.apiServers)}`,
          );
        await new Promise(resolve => setTimeout(resolve, 2_000));
        posture = await clusterPosture();
      }
      // eslint-disable-next-line no-console
      console.log(
        `2 of 3 API servers shown ${((Date.now() - killed) / 1000).toFixed(
          1,
        )} s after the kill`,
      );
      expect(posture.facts.controlPlane!.apiServers.count).toBe(3);
    } finally {
      await cp.restart('kube-apiserver-2');
    }
  });

  it('names the new controller-manager leader once the leader is killed', async () => {
    const cp = k8s.controlPlane!;
    const before = (await clusterPosture()).facts.controlPlane!
      .controllerManagers.leader!;
    const master = /^diehard-lab-master-(\d+)_/.exec(before)![1];
    const member = `kube-controller-manager-${master}`;
    await cp.kill(member);
    const killed = Date.now();
    try {
      let leader = before;
      while (leader === before) {
        if (Date.now() - killed > 90_000)
          throw new Error(`the lease still names ${before}`);
        await new Promise(resolve => setTimeout(resolve, 2_000));
        leader = (await clusterPosture()).facts.controlPlane!.controllerManagers
          .leader!;
      }
      // eslint-disable-next-line no-console
      console.log(
        `new controller-manager leader ${leader} shown ${(
          (Date.now() - killed) /
          1000
        ).toFixed(1)} s after the kill`,
      );
      expect(leader).not.toMatch(new RegExp(`^diehard-lab-master-${master}_`));
    } finally {
      await cp.restart(member);
    }
  });
});
