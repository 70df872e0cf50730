import { explain } from './applyBundle';
import { KubeApiError } from './KubeClient';

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
