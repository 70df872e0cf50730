import { useEffect } from 'react';
import useAsync from 'react-use/esm/useAsync';
import type { Entity } from '@backstage/catalog-model';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import { CatalogApi, catalogApiRef } from '@backstage/plugin-catalog-react';
import type {
  CustomFieldValidator,
  FieldExtensionComponentProps,
} from '@backstage/plugin-scaffolder-react';
import {
  GALERA_NODES_ANNOTATION,
  TARGET_CLUSTER_ANNOTATION,
} from '@diehard/plugin-scaffolder-diehard-common';
import { TranslateKey, userTranslation } from '../readyTranslation';
import { scaffolderDiehardTranslationRef } from '../translation';
import { FormTextField } from './FormTextField';
import { listed } from './listed';
import { otherFieldValue } from './otherFieldValue';

/**
 * `ui:options` of the `DiehardGaleraCluster` field: the form fields holding the target and
 * the node count.
 *
 * @public
 */
export interface DiehardGaleraClusterOptions {
  /** The form field holding the cluster (default `cluster`). */
  clusterField?: string;
  /** The form field holding the namespace (default `namespace`). */
  namespaceField?: string;
  /** The form field holding the Galera node count (default `galeraNodes`). */
  nodesField?: string;
}

const KUBERNETES_NAMESPACE_ANNOTATION = 'backstage.io/kubernetes-namespace';

type Target = { cluster?: string; namespace?: string };

function targetOf(
  formData: Record<string, unknown> | undefined,
  options: DiehardGaleraClusterOptions | undefined,
): Target {
  return {
    cluster: otherFieldValue(formData, options?.clusterField ?? 'cluster'),
    namespace: otherFieldValue(
      formData,
      options?.namespaceField ?? 'namespace',
    ),
  };
}

/** `lab/diehard-apps`: the target as the user reads it. */
const whereOf = ({ cluster, namespace }: Target) =>
  cluster ? `${cluster}/${namespace}` : `${namespace}`;

/** The Galera clusters the catalog has in the target's namespace (and cluster, when named). */
async function galeraClustersIn(
  catalog: CatalogApi,
  { cluster, namespace }: Target,
): Promise<Entity[]> {
  const { items } = await catalog.getEntities({
    filter: {
      kind: 'Resource',
      'spec.type': 'database',
      'metadata.tags': 'galera',
      [`metadata.annotations.${KUBERNETES_NAMESPACE_ANNOTATION}`]: namespace!,
    },
    fields: ['metadata.name', 'metadata.annotations'],
  });
  return items
    .filter(e => {
      const on = e.metadata.annotations?.[TARGET_CLUSTER_ANNOTATION];
      return !on || !cluster || on === cluster;
    })
    .sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));
}

const nodesOf = (entity: Entity) => {
  const nodes = Number(entity.metadata.annotations?.[GALERA_NODES_ANNOTATION]);
  return Number.isInteger(nodes) && nodes > 0 ? nodes : undefined;
};

/** `galera-a (3 nodes), galera-b`: what the user may choose from. */
function listedClusters(entities: Entity[], t: TranslateKey) {
  return listed(
    entities.map(e => {
      const nodes = nodesOf(e);
      return nodes
        ? t('galeraCluster.withNodes', { name: e.metadata.name, nodes })
        : e.metadata.name;
    }),
    t,
  );
}

/**
 * `ui:field: DiehardGaleraCluster`: the name of the MariaDB Galera cluster a service uses,
 * typed as in a plain text field, with the Galera clusters the catalog has in the form's
 * target namespace listed under it. **Next** refuses a name that is not one of them, and a
 * node count (`galeraNodes`) that is not that cluster's.
 */
export function DiehardGaleraCluster(
  props: FieldExtensionComponentProps<string, DiehardGaleraClusterOptions>,
) {
  const { formData, onChange } = props;
  const { t } = useTranslationRef(scaffolderDiehardTranslationRef);
  const catalog = useApi(catalogApiRef);
  const target = targetOf(
    props.formContext?.formData,
    props.uiSchema?.['ui:options'],
  );
  const { value: here } = useAsync(
    async () =>
      target.namespace ? galeraClustersIn(catalog, target) : undefined,
    [catalog, target.cluster, target.namespace],
  );
  // The only Galera cluster there is chosen for the user, as the only cluster is.
  const only = here?.length === 1 ? here[0].metadata.name : undefined;
  useEffect(() => {
    if (only && !formData) onChange(only);
  }, [only, formData, onChange]);
  const where = whereOf(target);
  let known: string | undefined;
  if (here?.length)
    known = t('galeraCluster.here', {
      where,
      clusters: listedClusters(here, t as TranslateKey),
    });
  else if (here) known = t('galeraCluster.noneHere', { where });
  return <FormTextField {...props} note={known} />;
}

/**
 * Refuses a Galera cluster the catalog does not have in the form's target namespace (the
 * service's DSN would name hosts that do not exist), and a node count other than the one
 * that cluster declares (`diehard.io/galera-nodes`).
 */
export const validateGaleraCluster: CustomFieldValidator<
  string,
  DiehardGaleraClusterOptions
> = async (name, validation, { apiHolder, formData, uiSchema, schema }) => {
  const options = uiSchema?.['ui:options'];
  const pattern = typeof schema.pattern === 'string' ? schema.pattern : '';
  const target = targetOf(formData, options);
  const catalog = apiHolder.get(catalogApiRef);
  if (!name || !target.namespace || !catalog) return;
  if (pattern && !new RegExp(pattern).test(name)) return;
  const here = await galeraClustersIn(catalog, target).catch(() => undefined);
  if (!here) return;
  const t = await userTranslation(apiHolder);
  const where = whereOf(target);
  const chosen = here.find(e => e.metadata.name === name);
  if (!chosen) {
    validation.addError(
      here.length
        ? t('galeraCluster.notHere', {
            name,
            where,
            clusters: listedClusters(here, t),
          })
        : t('galeraCluster.noneYet', { name, where }),
    );
    return;
  }
  const nodes = nodesOf(chosen);
  const asked = Number(formData?.[options?.nodesField ?? 'galeraNodes']);
  if (nodes && asked && asked !== nodes)
    validation.addError(t('galeraCluster.otherNodes', { name, nodes, asked }));
};
