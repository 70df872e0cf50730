import { makeFieldSchema } from '@backstage/plugin-scaffolder-react';
import { createFormField } from '@backstage/plugin-scaffolder-react/alpha';
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
import { DiehardUserLanguage as UserLanguageComponent } from './DiehardUserLanguage';

/** `ui:field: DiehardClusterPicker`. */
export const DiehardClusterPicker = createFormField({
  name: 'DiehardClusterPicker',
  component: ClusterPickerComponent,
  schema: makeFieldSchema({ output: z => z.string() }),
});

/** `ui:field: DiehardNamespacePicker`. */
export const DiehardNamespacePicker = createFormField({
  name: 'DiehardNamespacePicker',
  component: NamespacePickerComponent,
  schema: makeFieldSchema({
    output: z => z.string(),
    uiOptions: z =>
      z.object({
        clusterField: z
          .string()
          .optional()
          .describe('The form field holding the cluster (default: cluster)'),
        cluster: z
          .string()
          .optional()
          .describe('A fixed cluster, when the form does not ask for one'),
      }),
  }),
});

/** `ui:field: DiehardUserLanguage`. */
export const DiehardUserLanguage = createFormField({
  name: 'DiehardUserLanguage',
  component: UserLanguageComponent,
  schema: makeFieldSchema({ output: z => z.string() }),
});

/** `ui:field: DiehardEntityName`. */
export const DiehardEntityName = createFormField({
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
});

/** `ui:field: DiehardGaleraCluster`. */
export const DiehardGaleraCluster = createFormField({
  name: 'DiehardGaleraCluster',
  component: GaleraClusterComponent,
  validation: validateGaleraCluster,
  schema: makeFieldSchema({
    output: z => z.string(),
    uiOptions: z =>
      z.object({
        clusterField: z
          .string()
          .optional()
          .describe('The form field holding the cluster (default: cluster)'),
        namespaceField: z
          .string()
          .optional()
          .describe(
            'The form field holding the namespace (default: namespace)',
          ),
        nodesField: z
          .string()
          .optional()
          .describe(
            'The form field holding the Galera node count (default: galeraNodes)',
          ),
      }),
  }),
});
