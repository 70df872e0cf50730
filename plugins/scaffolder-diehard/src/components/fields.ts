// Each field's definition, for both frontend systems: the new one's `createFormField`
// (`module.ts`) and the legacy one's `createScaffolderFieldExtension` (`legacy/`).
import { makeFieldSchema } from '@backstage/plugin-scaffolder-react';
import { DiehardClusterPicker as ClusterPickerComponent } from './DiehardClusterPicker';
import {
  DiehardEntityName as EntityNameComponent,
  validateEntityName,
} from './DiehardEntityName';
import {
  DiehardGaleraCluster as GaleraClusterComponent,
  validateGaleraCluster,
} from './DiehardGaleraCluster';
import { DiehardNamespacePicker as NamespacePickerComponent } from './DiehardNamespacePicker';
import {
  DiehardIngressHost as IngressHostComponent,
  validateIngressHost,
} from './DiehardIngressHost';
import {
  DiehardStorageClass as StorageClassComponent,
  validateStorageClass,
} from './DiehardStorageClass';
import { DiehardUserLanguage as UserLanguageComponent } from './DiehardUserLanguage';

/** The zod that `makeFieldSchema` hands its schema builders. */
type Zod = Parameters<Parameters<typeof makeFieldSchema>[0]['output']>[0];

/** A `ui:options` entry naming the form field that holds `what`. */
const otherField = (z: Zod, what: string, fallback: string) =>
  z
    .string()
    .optional()
    .describe(`The form field holding ${what} (default: ${fallback})`);

/** `ui:field: DiehardClusterPicker`. */
export const diehardClusterPickerDefinition = {
  name: 'DiehardClusterPicker',
  component: ClusterPickerComponent,
  schema: makeFieldSchema({ output: z => z.string() }),
};

/** `ui:field: DiehardNamespacePicker`. */
export const diehardNamespacePickerDefinition = {
  name: 'DiehardNamespacePicker',
  component: NamespacePickerComponent,
  schema: makeFieldSchema({
    output: z => z.string(),
    uiOptions: z =>
      z.object({
        clusterField: otherField(z, 'the cluster', 'cluster'),
        cluster: z
          .string()
          .optional()
          .describe('A fixed cluster, when the form does not ask for one'),
      }),
  }),
};

/** `ui:field: DiehardUserLanguage`. */
export const diehardUserLanguageDefinition = {
  name: 'DiehardUserLanguage',
  component: UserLanguageComponent,
  schema: makeFieldSchema({ output: z => z.string() }),
};

/** `ui:field: DiehardEntityName`. */
export const diehardEntityNameDefinition = {
  name: 'DiehardEntityName',
  component: EntityNameComponent,
  validation: validateEntityName,
  schema: makeFieldSchema({
    output: z => z.string(),
    uiOptions: z =>
      z.object({
        kind: z
          .string()
          .describe('The kind of the entity the template registers'),
        namespace: z
          .string()
          .optional()
          .describe('Its catalog namespace (default: default)'),
      }),
  }),
};

/** `ui:field: DiehardGaleraCluster`. */
export const diehardGaleraClusterDefinition = {
  name: 'DiehardGaleraCluster',
  component: GaleraClusterComponent,
  validation: validateGaleraCluster,
  schema: makeFieldSchema({
    output: z => z.string(),
    uiOptions: z =>
      z.object({
        clusterField: otherField(z, 'the cluster', 'cluster'),
        namespaceField: otherField(z, 'the namespace', 'namespace'),
        nodesField: otherField(z, 'the Galera node count', 'galeraNodes'),
      }),
  }),
};

/** `ui:field: DiehardStorageClass`. */
export const diehardStorageClassDefinition = {
  name: 'DiehardStorageClass',
  component: StorageClassComponent,
  validation: validateStorageClass,
  schema: makeFieldSchema({
    output: z => z.string(),
    uiOptions: z =>
      z.object({
        clusterField: otherField(z, 'the cluster', 'cluster'),
        shared: z
          .boolean()
          .optional()
          .describe(
            'A volume the replicas share across nodes: refuse a class whose volumes live on one node',
          ),
      }),
  }),
};

/** `ui:field: DiehardIngressHost`. */
export const diehardIngressHostDefinition = {
  name: 'DiehardIngressHost',
  component: IngressHostComponent,
  validation: validateIngressHost,
  schema: makeFieldSchema({
    output: z => z.string(),
    uiOptions: z =>
      z.object({
        clusterField: otherField(z, 'the cluster', 'cluster'),
        namespaceField: otherField(z, 'the namespace', 'namespace'),
        ingressField: otherField(z, "the template's Ingress name", 'name'),
      }),
  }),
};
