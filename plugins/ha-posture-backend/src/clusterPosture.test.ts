import request from 'supertest';
import { ClusterPosture } from '@diehard/plugin-ha-posture-common';
import { labClusterLocators, useLab } from '@diehard/lab';
import {
  PostureBackend,
  startPostureBackend,
} from './__testUtils__/postureBackend';

jest.setTimeout(300_000);

describe('cluster posture of the lab (1 API server, 1 etcd member)', () => {
  let backend: PostureBackend;

  beforeAll(async () => {
    const lab = await useLab(['kubernetes']);
    backend = await startPostureBackend({
      clusterLocatorMethods: labClusterLocators(lab.kubernetes),
    });
  });

  afterAll(async () => {
    await backend?.stop();
  });

  it('counts 1 API server from its identity lease, finds it, and does not grade the cluster A', async () => {
    const res = await request(backend.server).get('/api/ha-posture/clusters');
    expect(res.status).toBe(200);
    const [lab] = res.body.clusters as ClusterPosture[];
    expect(lab.cluster).toBe('lab');
    const apiServers = lab.facts.controlPlane!.apiServers;
    expect(apiServers).toMatchObject({ count: 1, source: 'identity-leases' });
    expect(apiServers.objects).toEqual([
      expect.stringMatching(/^Lease\/kube-system\/apiserver-/),
    ]);
    expect(lab.facts.apiServers).toBe(1);
    const api = lab.findings.find(f => f.rule === 'control-plane-api-servers');
    expect(api?.message).toBe(
      'The cluster runs 1 API server: while it is down nothing can be scheduled, scaled or healed.',
    );
    // The lab's etcd is a process, not a pod: the cluster does not show it.
    expect(lab.facts.controlPlane!.unknown).toEqual(['etcdMembers']);
    expect(lab.findings.map(f => f.rule)).toContain('control-plane-unknown');
    expect(lab.grade).not.toBe('A');
  });
});
