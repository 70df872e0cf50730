import { mockServices } from '@backstage/backend-test-utils';
import { applyBundle, explain, sameApplyResult } from './applyBundle';
import { KubeApiError, KubeClient } from './KubeClient';

describe('applyBundle', () => {
  it('reports a cluster it cannot reach as unavailable, not as bad manifests', async () => {
    const client = new KubeClient({
      server: 'https://127.0.0.1:1',
      token: 't',
    });
    try {
      const error = await applyBundle({
        client,
        objects: [
          {
            object: {
              apiVersion: 'v1',
              kind: 'ConfigMap',
              metadata: { name: 'web', namespace: 'team-a' },
            },
            source: 'k8s/web.yaml',
          },
        ],
        fieldManager: 'diehard',
        logger: mockServices.logger.mock(),
      }).then(
        () => undefined,
        e => e as Error,
      );
      expect(error?.name).toBe('ServiceUnavailableError');
      expect(error?.message).toContain('cannot reach the Kubernetes API');
    } finally {
      client.close();
    }
  });
});

describe('explain', () => {
  it('names the object and each field the server refused', () => {
    const o = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', namespace: 'team-a' },
    };
    const e = new KubeApiError(
      'Deployment.apps "web" is invalid',
      422,
      'Invalid',
      [
        {
          field: 'spec.replicas',
          message: 'Invalid value: -1: must be greater than or equal to 0',
        },
      ],
    );
    expect(explain(o, e)).toBe(
      'Deployment team-a/web: spec.replicas: Invalid value: -1: must be greater than or equal to 0',
    );
  });

  it('never repeats the values of a Secret, plain or base64', () => {
    const o = {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'db', namespace: 'team-a' },
      stringData: { password: 's3cr3t-value' },
      data: { token: Buffer.from('token-value').toString('base64') },
    };
    const e = new KubeApiError(
      `Secret "db" is invalid: data[x]: Invalid value: "s3cr3t-value" / ${Buffer.from(
        's3cr3t-value',
      ).toString('base64')} / token-value`,
      422,
    );
    const text = explain(o, e);
    expect(text).not.toMatch(/s3cr3t-value|token-value/);
    expect(text).not.toContain(Buffer.from('s3cr3t-value').toString('base64'));
    expect(text).toContain('[redacted]');
  });
});

describe('sameApplyResult', () => {
  const live = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name: 'web',
      namespace: 'team-a',
      labels: { app: 'web', tier: 'front' },
      resourceVersion: '41',
      managedFields: [
        {
          manager: 'diehard',
          operation: 'Apply',
          time: '2026-11-22T01:00:00Z',
        },
        {
          manager: 'kube-controller-manager',
          operation: 'Update',
          subresource: 'status',
          time: '2026-11-22T01:00:01Z',
        },
      ],
    },
    spec: { replicas: 3 },
    status: { readyReplicas: 2 },
  };

  it('sees no change where only the status, its resourceVersion or timestamps moved', () => {
    const later = {
      ...live,
      metadata: {
        ...live.metadata,
        // same labels, other key order
        labels: { tier: 'front', app: 'web' },
        resourceVersion: '42',
        managedFields: [
          { ...live.metadata.managedFields[0], time: '2026-11-22T02:00:00Z' },
        ],
      },
      status: { readyReplicas: 3 },
    };
    expect(sameApplyResult(live, later)).toBe(true);
    // …unless the manifest itself writes status (a CRD without a status subresource).
    expect(sameApplyResult(live, later, true)).toBe(false);
  });

  it('sees a change in the spec, a label or who manages what', () => {
    expect(sameApplyResult(live, { ...live, spec: { replicas: 4 } })).toBe(
      false,
    );
    expect(
      sameApplyResult(live, {
        ...live,
        metadata: { ...live.metadata, labels: { app: 'web' } },
      }),
    ).toBe(false);
    expect(
      sameApplyResult(live, {
        ...live,
        metadata: {
          ...live.metadata,
          managedFields: [
            { manager: 'kubectl', operation: 'Apply', time: 'x' },
          ],
        },
      }),
    ).toBe(false);
  });
});
