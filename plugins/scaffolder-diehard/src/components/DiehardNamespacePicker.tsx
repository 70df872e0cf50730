import { useEffect } from 'react';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import type { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import { scaffolderDiehardTranslationRef } from '../translation';
import { TargetSelect } from './TargetSelect';
import { useDiehardTargets } from './useDiehardTargets';

/**
 * `ui:options` of {@link DiehardNamespacePicker}.
 *
 * @public
 */
export interface DiehardNamespacePickerOptions {
  /** The form field holding the cluster (default `cluster`). */
  clusterField?: string;
  /** A fixed cluster, when the form does not ask for one. */
  cluster?: string;
}

/**
 * `ui:field: DiehardNamespacePicker`: the namespaces open to deployments on the
 * cluster chosen in the same form (`ui:options.clusterField`, default `cluster`);
 * the only one is chosen by default, and a choice the new cluster does not allow is
 * dropped when the cluster changes.
 */
export function DiehardNamespacePicker(
  props: FieldExtensionComponentProps<string, DiehardNamespacePickerOptions>,
) {
  const { formData, onChange, schema, required, disabled, rawErrors } = props;
  const options = props.uiSchema?.['ui:options'] ?? {};
  const formValues = (props.formContext?.formData ?? {}) as Record<
    string,
    unknown
  >;
  const clusterValue = formValues[options.clusterField ?? 'cluster'];
  const cluster =
    typeof clusterValue === 'string' && clusterValue
      ? clusterValue
      : options.cluster;
  const { t } = useTranslationRef(scaffolderDiehardTranslationRef);
  const targets = useDiehardTargets();
  const target = targets.value?.find(c => c.name === cluster);

  useEffect(() => {
    if (!target || (formData && target.namespaces.includes(formData))) return;
    if (target.namespaces.length === 1) onChange(target.namespaces[0]);
    else if (formData) onChange(undefined);
  }, [target, formData, onChange]);

  let problem: string | undefined;
  let note: string | undefined;
  if (targets.error) {
    problem = t('loadFailed', { message: targets.error.message });
  } else if (targets.loading) {
    note = t('loading');
  } else if (!cluster) {
    note = t('namespacePicker.chooseCluster');
  } else if (target && target.namespaces.length === 0) {
    problem = t('namespacePicker.none', { cluster: target.title });
  } else if (target && formData && !target.namespaces.includes(formData)) {
    problem = t('namespacePicker.notAllowed', {
      namespace: formData,
      cluster: target.title,
    });
  }

  return (
    <TargetSelect
      id={props.idSchema?.$id ?? 'namespace'}
      label={schema.title ?? 'Namespace'}
      description={schema.description}
      value={formData ?? ''}
      options={(target?.namespaces ?? []).map(n => ({ value: n, label: n }))}
      onChange={onChange}
      required={required}
      disabled={disabled}
      problem={problem}
      note={note}
      hasErrors={Boolean(rawErrors?.length)}
    />
  );
}
