import { mockServices } from '@backstage/backend-test-utils';
import {
  LabKubernetes,
  adminClient,
  labKubernetes,
} from '../__testUtils__/labKubernetes';
import { ManifestObject } from './bundle';
import { APPLY_WORDS } from './applyWords';
import { claimsWithoutClass } from './claimClasses';
import { KubeClient } from './KubeClient';

jest.setTimeout(60_000);

const claim = (name: string, spec: object): ManifestObject => ({
  apiVersion: 'v1',
  kind: 'PersistentVolumeClaim',
  metadata: { name, namespace: 'diehard-apps' },
  spec: {
    accessModes: ['ReadWriteOnce'],
    resources: { requests: { storage: '1Gi' } },
    ...spec,
  },
});

describe('claimsWithoutClass, against the lab control plane', () => {
  let k: LabKubernetes;
  let client: KubeClient;
  const logger = mockServices.logger.mock();
  const check = (objects: ManifestObject[], live = () => false) =>
    claimsWithoutClass(client, objects, live, logger, APPLY_WORDS.en);

  beforeAll(async () => {
    k = await labKubernetes();
    client = adminClient(k);
  });
  afterAll(() => client?.close());

  it("passes claims of the lab's classes, bound to a named volume, or of the empty class", async () => {
    expect(
      await check([
        claim('files', { storageClassName: 'nfs-ha' }),
        // The nfs-volume template's static binding: the class needs no object.
        claim('static', {
          storageClassName: 'nfs-ha-static',
          volumeName: 'v1',
        }),
        claim('classless', { storageClassName: '' }),
      ]),
    ).toEqual([]);
  });

  it("names a StatefulSet's claim template whose class is missing, and lets a class of the bundle through", async () => {
    const statefulSet = {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 'galera', namespace: 'diehard-apps' },
      spec: {
        volumeClaimTemplates: [
          {
            metadata: { name: 'data' },
            spec: { storageClassName: 'fast-ssd' },
          },
        ],
      },
    };
    const problems = await check([statefulSet]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      /^StatefulSet diehard-apps\/galera: volumeClaimTemplates "data": storage class "fast-ssd" does not exist on the cluster \(its classes: .*nfs-ha.*\)$/,
    );
    expect(
      await check([
        statefulSet,
        {
          apiVersion: 'storage.k8s.io/v1',
          kind: 'StorageClass',
          metadata: { name: 'fast-ssd' },
        },
      ]),
    ).toEqual([]);
  });

  it('leaves a claim the cluster already holds alone', async () => {
    expect(
      await check([claim('old', { storageClassName: 'gone' })], () => true),
    ).toEqual([]);
  });

  it('does not refuse what it cannot check (the cluster will not list storage classes for this token)', async () => {
    const portal = new KubeClient({
      server: k.server,
      token: 'not-a-token',
      ca: k.caPem,
    });
    try {
      expect(
        await claimsWithoutClass(
          portal,
          [claim('files', { storageClassName: 'no-such-class' })],
          () => false,
          logger,
          APPLY_WORDS.en,
        ),
      ).toEqual([]);
      expect(logger.warn).toHaveBeenCalledWith(
        expect.stringMatching(/^storage classes of the claims not checked/),
      );
    } finally {
      portal.close();
    }
  });
});
