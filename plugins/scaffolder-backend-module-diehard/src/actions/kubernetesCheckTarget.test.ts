import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { createKubernetesCheckTargetAction } from './kubernetesCheckTarget';
import { freePort } from '@diehard/lab';
import {
  expectAskedToApply,
  permissionsAnswering,
} from '../__testUtils__/permissions';
import {
  adminClient,
  clusterConfig,
  othersIngresses,
  labKubernetes,
  LabKubernetes,
} from '../__testUtils__/labKubernetes';

let k: LabKubernetes;
let config: ConfigReader;

beforeAll(async () => {
  k = await labKubernetes();
  config = withGhost(clusterConfig(k, { namespaces: ['diehard-apps'] }));
});

/** The lab's cluster as the portal reaches it, titled, plus an allowlisted cluster no one declared. */
function withGhost(base: ConfigReader, cluster: Record<string, unknown> = {}) {
  const data = base.get() as any;
  Object.assign(data.kubernetes.clusterLocatorMethods[0].clusters[0], {
    title: 'HA lab',
    ...cluster,
  });
  // Allowlisted but not declared to the Kubernetes plugin: not a target.
  data.diehard.apply.clusters.push({
    name: 'ghost',
    namespaces: ['diehard-apps'],
    kinds: ['*'],
  });
  return new ConfigReader(data);
}

function run(
  input: {
    cluster: string;
    namespace?: string;
    storageClasses?: string[];
    ingress?: { name: string; hosts: string[] };
    language?: string;
  },
  result: AuthorizeResult.ALLOW | AuthorizeResult.DENY = AuthorizeResult.ALLOW,
  withConfig: ConfigReader = config,
) {
  const permissions = permissionsAnswering(result);
  const action = createKubernetesCheckTargetAction({
    config: withConfig,
    permissions,
  });
  const ctx = createMockActionContext<any>({
    input,
    logger: mockServices.logger.mock(),
  });
  return {
    permissions,
    ctx,
    done: action.handler(ctx),
  };
}

describe('diehard:kubernetes:check-target', () => {
  it('lets an allowlisted cluster and namespace through and outputs the cluster title', async () => {
    const { ctx, done, permissions } = run({
      cluster: 'lab',
      namespace: 'diehard-apps',
    });
    await done;
    expect(ctx.output).toHaveBeenCalledWith('title', 'HA lab');
    expectAskedToApply(permissions, 'lab');
  });

  it.each([
    [
      'an unknown cluster',
      { cluster: 'https://10.0.0.1:6443', namespace: 'diehard-apps' },
      'InputError',
      'cluster "https://10.0.0.1:6443" is not a cluster templates may deploy to (open to you: lab; see diehard.apply.clusters)',
    ],
    [
      'a cluster allowlisted but not declared to the Kubernetes plugin',
      { cluster: 'ghost', namespace: 'diehard-apps' },
      'InputError',
      'cluster "ghost" is not a cluster templates may deploy to (open to you: lab; see diehard.apply.clusters)',
    ],
    [
      'a namespace outside the allowlist',
      { cluster: 'lab', namespace: 'kube-system' },
      'InputError',
      'namespace "kube-system" is not allowed on cluster "lab" (allowed: diehard-apps)',
    ],
  ])('refuses %s, naming the field', async (_d, input, name, message) => {
    const { done } = run(input);
    await expect(done).rejects.toMatchObject({ name, message });
  });

  it('tells a user refused a cluster neither its namespaces nor the clusters closed to them', async () => {
    const denied = (input: object) =>
      run(input as any, AuthorizeResult.DENY).done.then(
        () => undefined,
        e => (e as Error).message,
      );
    expect(await denied({ cluster: 'prod', namespace: 'diehard-apps' })).toBe(
      'cluster "prod" is not a cluster templates may deploy to (open to you: none; see diehard.apply.clusters)',
    );
    expect(await denied({ cluster: 'lab', namespace: 'kube-system' })).toMatch(
      /may not apply to cluster "lab" \(permission diehard\.kubernetes\.apply\)$/,
    );
  });

  it("refuses in the user's language when the template passes it", async () => {
    const refused = (
      input: object,
      result:
        | AuthorizeResult.ALLOW
        | AuthorizeResult.DENY = AuthorizeResult.ALLOW,
    ) =>
      run({ language: 'fr-CA', ...input } as any, result).done.then(
        () => undefined,
        e => (e as Error).message,
      );
    expect(
      await Promise.all([
        refused({ cluster: 'prod', namespace: 'diehard-apps' }),
        refused({ cluster: 'lab', namespace: 'kube-system' }),
        refused(
          { cluster: 'lab', namespace: 'diehard-apps' },
          AuthorizeResult.DENY,
        ),
      ]),
    ).toEqual([
      'le cluster « prod » ne fait pas partie des clusters où les modèles peuvent déployer (ouverts pour vous : lab ; voir diehard.apply.clusters)',
      "le namespace « kube-system » n'est pas permis sur le cluster « lab » (permis : diehard-apps)",
      expect.stringMatching(
        /^.+ n'a pas le droit d'appliquer sur le cluster « lab » \(permission diehard\.kubernetes\.apply\)$/,
      ),
    ]);
    const { ctx, done } = run({
      cluster: 'lab',
      namespace: 'diehard-apps',
      language: 'fr',
    });
    await done;
    expect(ctx.logger.info).toHaveBeenCalledWith(
      'cible : le cluster « lab » (HA lab), namespace « diehard-apps » est ouvert à cette tâche',
    );
  });

  it('refuses a cluster the initiator may not apply to', async () => {
    const { done } = run(
      { cluster: 'lab', namespace: 'diehard-apps' },
      AuthorizeResult.DENY,
    );
    await expect(done).rejects.toMatchObject({
      name: 'NotAllowedError',
      message: expect.stringMatching(
        /^.+ may not apply to cluster "lab" \(permission diehard\.kubernetes\.apply\)$/,
      ),
    });
  });
  it('refuses, by name and title, a cluster that does not answer, without its URL', async () => {
    const url = `https://127.0.0.1:${await freePort()}`;
    const { done } = run(
      { cluster: 'lab', namespace: 'diehard-apps' },
      AuthorizeResult.ALLOW,
      withGhost(clusterConfig(k, { url, namespaces: ['diehard-apps'] })),
    );
    const error = await done.then(
      () => undefined,
      e => e as Error,
    );
    expect(error).toMatchObject({
      name: 'ServiceUnavailableError',
      message:
        'cluster "lab" (HA lab) does not answer: check that it runs and that the portal reaches the URL given in kubernetes.clusterLocatorMethods',
    });
    expect(error?.message).not.toContain(url);
  });

  it("refuses a cluster that does not accept the portal's token, without showing it", async () => {
    const { done } = run(
      { cluster: 'lab', namespace: 'diehard-apps' },
      AuthorizeResult.ALLOW,
      withGhost(clusterConfig(k, { namespaces: ['diehard-apps'] }), {
        serviceAccountToken: 'expired-token-1234',
      }),
    );
    const error = await done.then(
      () => undefined,
      e => e as Error,
    );
    expect(error).toMatchObject({
      name: 'AuthenticationError',
      message:
        'cluster "lab" (HA lab) refuses the portal\'s credentials: renew its serviceAccountToken in kubernetes.clusterLocatorMethods',
    });
    expect(error?.message).not.toContain('expired-token-1234');
  });

  it('refuses a storage class the cluster does not have, naming those it has, before anything is built', async () => {
    await run({
      cluster: 'lab',
      namespace: 'diehard-apps',
      storageClasses: ['nfs-ha', 'local-ssd'],
    }).done;
    const { done } = run({
      cluster: 'lab',
      namespace: 'diehard-apps',
      storageClasses: ['nfs-ha', 'nfs-hq'],
    });
    await expect(done).rejects.toMatchObject({
      name: 'InputError',
      message: expect.stringMatching(
        /^storage class "nfs-hq" does not exist on cluster "lab" \(HA lab\): choose one of its classes \((.+, )?local-ssd, nfs-ha(, .+)?\)$/,
      ),
    });
    const inFrench = run({
      cluster: 'lab',
      namespace: 'diehard-apps',
      storageClasses: ['nfs-hq', 'ssd'],
      language: 'fr',
    });
    await expect(inFrench.done).rejects.toMatchObject({
      name: 'InputError',
      message: expect.stringMatching(
        /^les classes de stockage « nfs-hq », « ssd » n'existent pas sur le cluster « lab » \(HA lab\) : choisissez l'une de ses classes \(.*nfs-ha.*\)$/,
      ),
    });
  });

  it('refuses a host another Ingress serves already, naming it only in the target namespace', async () => {
    const admin = adminClient(k);
    const { other, taken, elsewhere, objects } = othersIngresses();
    try {
      for (const o of objects) await admin.apply(o, { fieldManager: 'test' });
      const check = (name: string, hosts: string[], language?: string) =>
        run({
          cluster: 'lab',
          namespace: 'diehard-apps',
          ingress: { name, hosts },
          language,
        }).done.then(
          () => undefined,
          e => (e as Error).message,
        );
      expect(
        await Promise.all([
          check('mine', [taken]),
          check('mine', [`${other}-free.apps.example.org`]),
          // A second run of the same service finds its own Ingress in place.
          check(other, [taken]),
          check('mine', [elsewhere]),
          check('mine', [taken], 'fr'),
        ]),
      ).toEqual([
        `host "${taken}" is already served by Ingress diehard-apps/${other} on cluster "lab" (HA lab): choose another host name, or remove that Ingress first`,
        undefined,
        undefined,
        `host "${elsewhere}" is already served by an Ingress of another namespace on cluster "lab" (HA lab): choose another host name, or remove that Ingress first`,
        `l'hôte « ${taken} » est déjà servi par l'Ingress diehard-apps/${other} sur le cluster « lab » (HA lab) : choisissez un autre nom d'hôte, ou supprimez d'abord cet Ingress`,
      ]);
    } finally {
      for (const o of objects) await admin.delete(o).catch(() => {});
      admin.close();
    }
  });

  it('refuses an allowlisted namespace the cluster does not have', async () => {
    const { done } = run(
      { cluster: 'lab', namespace: 'not-created-yet' },
      AuthorizeResult.ALLOW,
      withGhost(clusterConfig(k, { namespaces: ['not-created-yet'] })),
    );
    await expect(done).rejects.toMatchObject({
      name: 'NotFoundError',
      message:
        'namespace "not-created-yet" does not exist on cluster "lab" (HA lab): ask its administrators to create it',
    });
    const inFrench = run(
      { cluster: 'lab', namespace: 'not-created-yet', language: 'fr' },
      AuthorizeResult.ALLOW,
      withGhost(clusterConfig(k, { namespaces: ['not-created-yet'] })),
    );
    await expect(inFrench.done).rejects.toMatchObject({
      name: 'NotFoundError',
      message:
        "le namespace « not-created-yet » n'existe pas sur le cluster « lab » (HA lab) : demandez à ses administrateurs de le créer",
    });
  });
});
