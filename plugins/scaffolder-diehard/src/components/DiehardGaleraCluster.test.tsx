import { screen, waitFor } from '@testing-library/react';
import type { Entity } from '@backstage/catalog-model';
import type { ApiHolder } from '@backstage/frontend-plugin-api';
import { translationApiRef } from '@backstage/frontend-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { frenchTranslationApi } from '../__testUtils__/frenchTranslationApi';
import { lab, renderForm } from '../__testUtils__/renderForm';
import { DiehardClusterPicker } from './DiehardClusterPicker';
import {
  DiehardGaleraCluster,
  validateGaleraCluster,
} from './DiehardGaleraCluster';
import { DiehardNamespacePicker } from './DiehardNamespacePicker';

/** A Resource as the galera-cluster template registers it (`nodes` absent: older ones). */
function galera(
  name: string,
  where: { cluster: string; namespace: string },
  nodes?: number,
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name,
      namespace: 'default',
      tags: ['mariadb', 'galera'],
      annotations: {
        'backstage.io/kubernetes-namespace': where.namespace,
        'diehard.io/cluster': where.cluster,
        ...(nodes ? { 'diehard.io/galera-nodes': String(nodes) } : {}),
      },
    },
    spec: { type: 'database', owner: 'group:default/ops-team' },
  };
}

const HERE = { cluster: 'lab', namespace: 'diehard-apps' };
const CATALOG = [
  galera('galera-a', HERE, 3),
  galera('galera-b', HERE, 5),
  galera('galera-old', HERE),
  galera('galera-other-ns', { cluster: 'lab', namespace: 'shop' }, 3),
  galera('galera-prod', { cluster: 'prod', namespace: 'diehard-apps' }, 3),
  {
    ...galera('postgres', HERE),
    metadata: {
      ...galera('postgres', HERE).metadata,
      tags: ['postgresql'],
    },
  },
];

async function errorsFor(
  name: string,
  galeraNodes: number,
  entities: Entity[] = CATALOG,
  french = false,
) {
  const apis = new Map<unknown, unknown>([
    [catalogApiRef, catalogApiMock({ entities })],
    ...(french
      ? [[translationApiRef, frenchTranslationApi] as [unknown, unknown]]
      : []),
  ]);
  const errors: string[] = [];
  await validateGaleraCluster(
    name,
    { addError: (e: string) => errors.push(e) } as any,
    {
      apiHolder: { get: (ref: unknown) => apis.get(ref) } as ApiHolder,
      formData: { ...HERE, galeraService: name, galeraNodes },
      schema: { type: 'string', pattern: '^[a-z]([-a-z0-9]*[a-z0-9])?$' },
      uiSchema: {},
    },
  );
  return errors;
}

const formFields = [
  { name: 'cluster', title: 'Cluster', Field: DiehardClusterPicker },
  { name: 'namespace', title: 'Namespace', Field: DiehardNamespacePicker },
  {
    name: 'galeraService',
    title: 'Galera cluster',
    Field: DiehardGaleraCluster,
  },
];

describe('DiehardGaleraCluster', () => {
  it('takes a Galera cluster the catalog has in the target namespace, with its node count', async () => {
    expect(await errorsFor('galera-a', 3)).toEqual([]);
    expect(await errorsFor('galera-b', 5)).toEqual([]);
    // Registered before the node count was: any count.
    expect(await errorsFor('galera-old', 7)).toEqual([]);
  });

  it('refuses at Next a name the catalog has not there, listing those it has', async () => {
    const refused =
      'No Galera cluster “NAME” in lab/diehard-apps: choose one of galera-a (3 nodes), galera-b (5 nodes), galera-old.';
    for (const name of ['galera', 'galera-other-ns', 'galera-prod', 'postgres'])
      expect(await errorsFor(name, 3)).toEqual([refused.replace('NAME', name)]);
    expect(await errorsFor('galera', 3, [])).toEqual([
      'No Galera cluster “galera” in lab/diehard-apps, nor any other yet: create it first with the MariaDB Galera cluster template (a cluster just created appears here within a minute).',
    ]);
  });

  it('lists ten clusters at most, then says how many more', async () => {
    const many = Array.from({ length: 25 }, (_, i) =>
      galera(`galera-${String(i).padStart(2, '0')}`, HERE, 3),
    );
    const [refusal] = await errorsFor('galera', 3, many);
    expect(refusal).toBe(
      `No Galera cluster “galera” in lab/diehard-apps: choose one of ${many
        .slice(0, 10)
        .map(e => `${e.metadata.name} (3 nodes)`)
        .join(', ')}, 15 more.`,
    );
  });

  it("refuses a node count other than the cluster's: the DSN would miss nodes", async () => {
    expect(await errorsFor('galera-b', 3)).toEqual([
      '“galera-b” has 5 nodes, not 3: choose 5 under Galera nodes.',
    ]);
  });

  it('says it in French', async () => {
    expect(await errorsFor('galera', 3, CATALOG, true)).toEqual([
      'Pas de cluster Galera « galera » dans lab/diehard-apps : choisissez parmi galera-a (3 nœuds), galera-b (5 nœuds), galera-old.',
    ]);
    expect(await errorsFor('galera-b', 3, CATALOG, true)).toEqual([
      '« galera-b » a 5 nœuds, pas 3 : choisissez 5 dans Nœuds Galera.',
    ]);
  });

  it('lists the Galera clusters of the chosen target under the field, and chooses the only one', async () => {
    const { changes } = renderForm(formFields, {
      targets: [lab],
      catalog: catalogApiMock({
        entities: [galera('galera-a', HERE, 3), CATALOG[3]],
      }),
    });
    expect(
      await screen.findByText('In lab/diehard-apps: galera-a (3 nodes).'),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(changes).toContainEqual(['galeraService', 'galera-a']),
    );
    expect(screen.getByRole('textbox', { name: 'Galera cluster' })).toHaveValue(
      'galera-a',
    );
  });
});
