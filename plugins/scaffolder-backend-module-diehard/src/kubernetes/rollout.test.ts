import { mockServices } from '@backstage/backend-test-utils';
import { uniqueName, useLabNamespace } from '../__testUtils__/labKubernetes';
import { ManifestObject } from './bundle';
import { RolloutTimeoutError, waitForRollouts } from './rollout';

jest.setTimeout(120_000);

describe('waitForRollouts against the lab control plane', () => {
  const lab = useLabNamespace();

  /**
   * How waiting 8 s for `d`'s rollout ends (its error, or undefined), with a grace
   * period (60 s) longer than the wait for reasons that may pass; what it logged.
   */
  async function rolloutFailure(d: ManifestObject) {
    const logger = mockServices.logger.mock();
    const error = await waitForRollouts(lab.admin, [d], {
      timeoutMs: 8000,
      pollMs: 500,
      reasonGraceMs: 60_000,
      logger,
    }).then(
      () => undefined,
      e => e,
    );
    return { error, logger };
  }

  async function create(o: ManifestObject) {
    lab.written.push(o);
    return lab.admin.apply(o, { fieldManager: 'diehard-test' });
  }

  function deployment(name: string, claimName: string): ManifestObject {
    return {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name, namespace: lab.ns },
      spec: {
        replicas: 2,
        selector: { matchLabels: { app: name } },
        template: {
          metadata: { labels: { app: name } },
          spec: {
            containers: [{ name: 'app', image: 'team/app:1.0' }],
            volumes: [{ name: 'data', persistentVolumeClaim: { claimName } }],
          },
        },
      },
    };
  }

  it('says at once, and once, that pods wait for a claim whose storage class does not exist, and keeps it in the timeout error', async () => {
    // Applied behind the action's back (its preflight would refuse this claim).
    const name = uniqueName('lostclass');
    await create({
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name, namespace: lab.ns },
      spec: {
        accessModes: ['ReadWriteMany'],
        storageClassName: 'no-such-class',
        resources: { requests: { storage: '1Gi' } },
      },
    });
    const d = deployment(name, name);
    await create(d);
    const started = Date.now();
    // A missing class is no reason to wait: said without any grace period.
    const { error, logger } = await rolloutFailure(d);
    expect(error).toBeInstanceOf(RolloutTimeoutError);
    const missing = `claim ${lab.ns}/${name} is Pending: its storage class "no-such-class" does not exist on the cluster`;
    expect(error.message).toContain(missing);
    const warnings = logger.warn.mock.calls.map(c => c[0] as string);
    const said = warnings.filter(w => w.includes(missing));
    expect(said).toHaveLength(1);
    expect(said[0]).toMatch(new RegExp(`: pods? ${name}-`));
    expect(Date.now() - started).toBeGreaterThanOrEqual(8000);
  });

  it('waits the grace period before saying a reason that waiting may cure', async () => {
    const name = uniqueName('nodeless');
    const d: any = deployment(name, `${name}-unused`);
    d.spec.replicas = 1;
    delete d.spec.template.spec.volumes;
    d.spec.template.spec.nodeSelector = { 'diehard.test/no-such-node': 'x' };
    await create(d);
    const logger = mockServices.logger.mock();
    const seen: number[] = [];
    const started = Date.now();
    logger.warn.mockImplementation(() => {
      seen.push(Date.now() - started);
    });
    await expect(
      waitForRollouts(lab.admin, [d], {
        timeoutMs: 6000,
        pollMs: 250,
        reasonGraceMs: 2000,
        logger,
      }),
    ).rejects.toThrow(/Unschedulable: 0\/\d+ nodes are available/);
    const warnings = logger.warn.mock.calls.map(c => c[0] as string);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(
      new RegExp(
        `rollout Deployment ${lab.ns}/${name}: not available: pod ${name}-[a-z0-9-]+: Unschedulable: .*node\\(s\\) didn't match Pod's node affinity/selector`,
      ),
    );
    expect(seen[0]).toBeGreaterThanOrEqual(2000);
  });

  it.each(['Deployment', 'StatefulSet'])(
    'says at once why a %s creates no pod (a ServiceAccount that does not exist)',
    async kind => {
      const name = uniqueName('noaccount');
      const d: any = deployment(name, `${name}-unused`);
      d.kind = kind;
      d.spec.replicas = 1;
      if (kind === 'StatefulSet') d.spec.serviceName = name;
      delete d.spec.template.spec.volumes;
      d.spec.template.spec.serviceAccountName = `${name}-nobody`;
      await create(d);
      const { error, logger } = await rolloutFailure(d);
      const why = new RegExp(
        `FailedCreate: .*serviceaccount "${name}-nobody" not found`,
      );
      expect(error?.message).toMatch(why);
      const warnings = logger.warn.mock.calls.map(c => c[0] as string);
      expect(warnings.filter(w => why.test(w))).toHaveLength(1);
      expect(warnings[0]).toMatch(
        new RegExp(`^rollout ${kind} ${lab.ns}/${name}: not available: `),
      );
    },
  );
});
