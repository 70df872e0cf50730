import { screen, waitFor } from '@testing-library/react';
import type { ApiHolder } from '@backstage/frontend-plugin-api';
import { translationApiRef } from '@backstage/frontend-plugin-api';
import { kubernetesAuthProvidersApiRef } from '@backstage/plugin-kubernetes-react';
import type {
  DeployTarget,
  TargetStorageClass,
} from '@diehard/plugin-scaffolder-diehard-common';
import { diehardTargetsApiRef } from '../api';
import { frenchTranslationApi } from '../__testUtils__/frenchTranslationApi';
import {
  kubernetesAuthGiving,
  lab,
  oidcLab,
  prod,
  renderForm,
} from '../__testUtils__/renderForm';
import { DiehardClusterPicker } from './DiehardClusterPicker';
import {
  DiehardStorageClass,
  validateStorageClass,
} from './DiehardStorageClass';

const storageClass = (
  name: string,
  marks: Partial<TargetStorageClass> = {},
): TargetStorageClass => ({
  name,
  isDefault: false,
  highlyAvailable: false,
  nodeLocal: false,
  ...marks,
});

const LAB_CLASSES = [
  storageClass('local-ssd', { nodeLocal: true }),
  storageClass('nfs-ha', { highlyAvailable: true }),
  storageClass('standard', { isDefault: true }),
];

/** The errors Next shows for `name`, the backend answering `classes` for each cluster. */
async function errorsFor(
  name: string,
  options: {
    cluster?: string;
    classes?: Record<string, TargetStorageClass[]>;
    targets?: DeployTarget[];
    french?: boolean;
    kubernetesAuth?: unknown;
    shared?: boolean;
  } = {},
) {
  const classes = options.classes ?? { lab: LAB_CLASSES };
  const getStorageClasses = jest.fn(async (cluster: string, _o?: unknown) => {
    if (!classes[cluster]) throw new Error('503');
    return classes[cluster];
  });
  const apis = new Map<unknown, unknown>([
    [
      diehardTargetsApiRef,
      {
        getTargets: async () => options.targets ?? [lab, prod],
        getStorageClasses,
      },
    ],
    ...(options.french
      ? [[translationApiRef, frenchTranslationApi] as [unknown, unknown]]
      : []),
    ...(options.kubernetesAuth
      ? [[kubernetesAuthProvidersApiRef, options.kubernetesAuth] as const]
      : []),
  ]);
  const errors: string[] = [];
  await validateStorageClass(
    name,
    { addError: (e: string) => errors.push(e) } as any,
    {
      apiHolder: { get: (ref: unknown) => apis.get(ref) } as ApiHolder,
      formData: { cluster: options.cluster ?? 'lab', storageClass: name },
      schema: { type: 'string', pattern: '^[a-z0-9]([-.a-z0-9]*[a-z0-9])?$' },
      uiSchema: options.shared ? { 'ui:options': { shared: true } } : {},
    },
  );
  return { errors, getStorageClasses };
}

describe('DiehardStorageClass', () => {
  it('takes a storage class the chosen cluster has', async () => {
    for (const name of ['nfs-ha', 'local-ssd', 'standard'])
      expect((await errorsFor(name)).errors).toEqual([]);
  });

  it('refuses at Next a class the cluster has not, listing those it has, the highly available and the node-local marked', async () => {
    expect((await errorsFor('nfs-hq')).errors).toEqual([
      'No storage class “nfs-hq” on HA lab: choose one of local-ssd (one node only), nfs-ha (highly available), standard (default).',
    ]);
    expect(
      (await errorsFor('nfs-ha', { classes: { lab: [] } })).errors,
    ).toEqual([
      'The cluster HA lab has no storage class: ask its administrators for one.',
    ]);
  });

  it('refuses at Next, for a volume the replicas share, a class whose volumes live on one node, offering the others', async () => {
    expect((await errorsFor('local-ssd', { shared: true })).errors).toEqual([
      '“local-ssd” keeps each volume on one node of HA lab: the replicas on other nodes could not share it, and its data would be lost with that node. Choose one of nfs-ha (highly available), standard (default).',
    ]);
    expect(
      (await errorsFor('local-ssd', { shared: true, french: true })).errors,
    ).toEqual([
      '« local-ssd » garde chaque volume sur un seul nœud de HA lab : les réplicas des autres nœuds ne pourraient pas le partager, et ses données seraient perdues avec ce nœud. Choisissez parmi nfs-ha (hautement disponible), standard (par défaut).',
    ]);
    expect(
      (
        await errorsFor('local-ssd', {
          shared: true,
          classes: { lab: [LAB_CLASSES[0]] },
        })
      ).errors,
    ).toEqual([
      '“local-ssd” keeps each volume on one node of HA lab: the replicas on other nodes could not share it, and its data would be lost with that node. Ask its administrators for a shared class.',
    ]);
    for (const name of ['nfs-ha', 'standard'])
      expect((await errorsFor(name, { shared: true })).errors).toEqual([]);
  });

  it('says it in French', async () => {
    expect((await errorsFor('nfs-hq', { french: true })).errors).toEqual([
      'Pas de classe de stockage « nfs-hq » sur HA lab : choisissez parmi local-ssd (un seul nœud), nfs-ha (hautement disponible), standard (par défaut).',
    ]);
  });

  it('leaves the name to the run when the classes cannot be listed, and a name the pattern refuses to rjsf', async () => {
    expect((await errorsFor('nfs-hq', { cluster: 'prod' })).errors).toEqual([]);
    const { errors, getStorageClasses } = await errorsFor('NFS HA');
    expect(errors).toEqual([]);
    expect(getStorageClasses).not.toHaveBeenCalled();
  });

  it("asks for the classes of a cluster reached with the user's token with that token", async () => {
    const kubernetesAuth = kubernetesAuthGiving('bruno-id-token');
    const { errors, getStorageClasses } = await errorsFor('nfs-hq', {
      targets: [oidcLab],
      kubernetesAuth,
    });
    expect(errors).toHaveLength(1);
    expect(kubernetesAuth.getCredentials).toHaveBeenCalledWith('oidc.lab');
    expect(getStorageClasses).toHaveBeenCalledWith('lab', {
      userToken: {
        secret: 'Backstage-Kubernetes-Authorization-oidc-lab',
        token: 'bruno-id-token',
      },
    });
  });

  it('lists ten classes at most, then says how many more', async () => {
    const many = Array.from({ length: 14 }, (_, i) =>
      storageClass(`class-${String(i).padStart(2, '0')}`),
    );
    expect(
      (await errorsFor('nfs-hq', { classes: { lab: many } })).errors,
    ).toEqual([
      `No storage class “nfs-hq” on HA lab: choose one of ${many
        .slice(0, 10)
        .map(c => c.name)
        .join(', ')}, 4 more.`,
    ]);
  });

  it("lists the chosen cluster's classes under the field", async () => {
    const fields = [
      { name: 'cluster', title: 'Cluster', Field: DiehardClusterPicker },
      {
        name: 'storageClass',
        title: 'Storage class',
        Field: DiehardStorageClass,
      },
    ];
    renderForm(fields, {
      targets: [lab],
      storageClasses: { lab: LAB_CLASSES },
    });
    expect(
      await screen.findByText(
        'On HA lab: local-ssd (one node only), nfs-ha (highly available), standard (default).',
      ),
    ).toBeInTheDocument();
  });

  it('chooses the only class of the cluster for the user, and says so in French', async () => {
    const { changes } = renderForm(
      [
        { name: 'cluster', title: 'Cluster', Field: DiehardClusterPicker },
        {
          name: 'storageClass',
          title: 'Storage class',
          Field: DiehardStorageClass,
        },
      ],
      {
        targets: [lab],
        storageClasses: {
          lab: [storageClass('nfs-ha', { highlyAvailable: true })],
        },
        french: true,
      },
    );
    expect(
      await screen.findByText('Sur HA lab : nfs-ha (hautement disponible).'),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(changes).toContainEqual(['storageClass', 'nfs-ha']),
    );
  });
});
