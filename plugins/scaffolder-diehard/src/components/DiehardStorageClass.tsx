import { useEffect } from 'react';
import useAsync from 'react-use/esm/useAsync';
import {
  ApiHolder,
  useApiHolder,
  useTranslationRef,
} from '@backstage/frontend-plugin-api';
import type {
  CustomFieldValidator,
  FieldExtensionComponentProps,
} from '@backstage/plugin-scaffolder-react';
import type {
  DeployTarget,
  TargetStorageClass,
} from '@diehard/plugin-scaffolder-diehard-common';
import { TranslateKey, userTranslation } from '../readyTranslation';
import { scaffolderDiehardTranslationRef } from '../translation';
import { FormTextField } from './FormTextField';
import { listed } from './listed';
import { otherFieldValue } from './otherFieldValue';
import { targetAccess } from './targetAccess';

/**
 * `ui:options` of the `DiehardStorageClass` field.
 *
 * @public
 */
export interface DiehardStorageClassOptions {
  /** The form field holding the cluster (default `cluster`). */
  clusterField?: string;
  /**
   * The claim is shared by pods on several nodes (a Deployment's ReadWriteMany volume):
   * **Next** also refuses a class whose volumes live on one node.
   */
  shared?: boolean;
}

interface ClassesOn {
  target: DeployTarget;
  classes: TargetStorageClass[];
}

const clusterOf = (
  formData: Record<string, unknown> | undefined,
  options: DiehardStorageClassOptions | undefined,
) => otherFieldValue(formData, options?.clusterField ?? 'cluster');

/**
 * The StorageClasses of a cluster the user may deploy to, asked with the user's own
 * token when the cluster is reached with it; undefined for a cluster that is not a target.
 */
async function storageClassesOn(
  apis: ApiHolder,
  cluster: string,
): Promise<ClassesOn | undefined> {
  const access = await targetAccess(apis, cluster);
  if (!access) return undefined;
  const { api, target, userToken } = access;
  return {
    target,
    classes: await api.getStorageClasses(cluster, { userToken }),
  };
}

/** `local-ssd (one node only), nfs-ha (highly available)`: what the user may choose from. */
function listedClasses(classes: TargetStorageClass[], t: TranslateKey) {
  return listed(
    classes.map(c => {
      const marks = [
        ...(c.highlyAvailable ? [t('storageClass.highlyAvailable')] : []),
        ...(c.nodeLocal ? [t('storageClass.nodeLocal')] : []),
        ...(c.isDefault ? [t('storageClass.default')] : []),
      ];
      return marks.length ? `${c.name} (${marks.join(', ')})` : c.name;
    }),
    t,
  );
}

/**
 * `ui:field: DiehardStorageClass`: a storage class of the cluster chosen in the same form
 * (`ui:options.clusterField`), typed as in a plain text field, with the cluster's classes
 * listed under it (those its operators declare highly available, and those whose volumes
 * live on one node, marked). **Next** refuses a class the cluster does not have (its claims
 * would never bind) and, for a `shared` volume, one whose volumes live on one node. A
 * cluster whose classes cannot be listed leaves the name to the template's first step.
 */
export function DiehardStorageClass(
  props: FieldExtensionComponentProps<string, DiehardStorageClassOptions>,
) {
  const { formData, onChange } = props;
  const { t } = useTranslationRef(scaffolderDiehardTranslationRef);
  const apis = useApiHolder();
  const cluster = clusterOf(
    props.formContext?.formData,
    props.uiSchema?.['ui:options'],
  );
  const on = useAsync(
    async () => (cluster ? storageClassesOn(apis, cluster) : undefined),
    [apis, cluster],
  );
  const only = on.value?.classes.length === 1 ? on.value.classes[0] : undefined;
  useEffect(() => {
    if (only && !formData) onChange(only.name);
  }, [only, formData, onChange]);
  let note: string | undefined;
  if (on.error && cluster) {
    note = t('storageClass.notListed', { cluster });
  } else if (on.value) {
    const where = on.value.target.title;
    note = on.value.classes.length
      ? t('storageClass.here', {
          cluster: where,
          classes: listedClasses(on.value.classes, t as TranslateKey),
        })
      : t('storageClass.none', { cluster: where });
  }
  return <FormTextField {...props} note={note} />;
}

/**
 * Refuses a storage class the form's cluster does not have, and for a `shared` claim one
 * whose volumes live on one node (when the cluster's classes can be listed).
 */
export const validateStorageClass: CustomFieldValidator<
  string,
  DiehardStorageClassOptions
> = async (name, validation, { apiHolder, formData, uiSchema, schema }) => {
  const options = uiSchema?.['ui:options'];
  const cluster = clusterOf(formData, options);
  const pattern = typeof schema.pattern === 'string' ? schema.pattern : '';
  if (!name || !cluster) return;
  if (pattern && !new RegExp(pattern).test(name)) return;
  const on = await storageClassesOn(apiHolder, cluster).catch(() => undefined);
  if (!on) return;
  const chosen = on.classes.find(c => c.name === name);
  if (chosen && !(options?.shared && chosen.nodeLocal)) return;
  const t = await userTranslation(apiHolder);
  if (chosen) {
    const shared = on.classes.filter(c => !c.nodeLocal);
    validation.addError(
      shared.length
        ? t('storageClass.notShared', {
            name,
            cluster: on.target.title,
            classes: listedClasses(shared, t),
          })
        : t('storageClass.noShared', { name, cluster: on.target.title }),
    );
    return;
  }
  validation.addError(
    on.classes.length
      ? t('storageClass.notHere', {
          name,
          cluster: on.target.title,
          classes: listedClasses(on.classes, t),
        })
      : t('storageClass.none', { cluster: on.target.title }),
  );
};
