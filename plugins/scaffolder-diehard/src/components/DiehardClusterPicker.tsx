import { useEffect } from 'react';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import type { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import { useUserClusterToken } from './useUserClusterToken';
import { scaffolderDiehardTranslationRef } from '../translation';
import { TargetSelect } from './TargetSelect';
import { useDiehardTargets } from './useDiehardTargets';

/**
 * `ui:field: DiehardClusterPicker`: the clusters of `diehard.apply.clusters` the
 * signed-in user may deploy to, by title; the only one is chosen by default. For a
 * cluster reached with the user's own token (oidc, google, aks) it asks the
 * Kubernetes plugin's auth provider for it and puts it in the task's secrets, as
 * `RepoUrlPicker` does with `requestUserCredentials`.
 */
export function DiehardClusterPicker(
  props: FieldExtensionComponentProps<string>,
) {
  const { formData, onChange, schema, required, disabled, rawErrors } = props;
  const { t } = useTranslationRef(scaffolderDiehardTranslationRef);
  const targets = useDiehardTargets();
  const clusters = targets.value;

  useEffect(() => {
    if (!formData && clusters?.length === 1) onChange(clusters[0].name);
  }, [formData, clusters, onChange]);
  const tokenError = useUserClusterToken(
    clusters?.find(c => c.name === formData)?.userToken,
  );

  let problem: string | undefined;
  if (targets.error) {
    problem = t('loadFailed', { message: targets.error.message });
  } else if (clusters && clusters.length === 0) {
    problem = t('clusterPicker.none');
  } else if (clusters && formData && !clusters.some(c => c.name === formData)) {
    problem = t('clusterPicker.notAllowed', { cluster: formData });
  } else if (tokenError) {
    problem = t('clusterPicker.noToken', {
      cluster: formData ?? '',
      message: tokenError.message,
    });
  }

  return (
    <TargetSelect
      id={props.idSchema?.$id ?? 'cluster'}
      label={schema.title ?? 'Cluster'}
      description={schema.description}
      value={formData ?? ''}
      options={(clusters ?? []).map(c => ({ value: c.name, label: c.title }))}
      onChange={onChange}
      required={required}
      disabled={disabled}
      problem={problem}
      note={targets.loading ? t('loading') : undefined}
      hasErrors={Boolean(rawErrors?.length)}
    />
  );
}
