import Typography from '@material-ui/core/Typography';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { KUBERNETES_ANNOTATION } from '@backstage/plugin-kubernetes-common';
import {
  MANIFESTS_PATH_ANNOTATION,
  MessageRef,
  PostureSource as Source,
} from '@diehard/plugin-ha-posture-common';
import { haPostureTranslationRef } from '../../translation';
import { useFindingText } from '../../hooks/useFindingText';
import { useLanguage } from '@diehard/plugin-ha-posture-react';

/**
 * Where the posture comes from: live clusters, or the manifests folder, named by its
 * path in the entity's repository (`.` is the repository's root).
 */
export function PostureSource(props: { source: Source }) {
  const { source } = props;
  const { t } = useTranslationRef(haPostureTranslationRef);
  let text: string;
  if (source.type === 'live') {
    text = t('source.live', {
      count: source.clusters.length,
      clusters: source.clusters.join(', '),
    });
  } else if (source.type === 'manifests') {
    text =
      source.location === '.'
        ? t('source.manifestsAtRoot')
        : t('source.manifests', { location: source.location });
  } else {
    text = t('source.none');
  }
  return (
    <Typography variant="body2" color="textSecondary">
      {text}
    </Typography>
  );
}

/** Why nothing was evaluated, and the annotations that fix it. */
export function NoSourceExplanation(props: {
  reason: string;
  reasonMessages?: MessageRef[];
}) {
  const { t } = useTranslationRef(haPostureTranslationRef);
  const texts = useFindingText();
  const separator = useLanguage().startsWith('fr') ? ' ; ' : '; ';
  const known = props.reasonMessages?.every(texts.known);
  return (
    <Typography variant="body2">
      {t('source.noneExplanation', {
        reason: known
          ? props.reasonMessages!.map(r => texts.text(r, '')).join(separator)
          : props.reason,
        kubernetesId: <code>{KUBERNETES_ANNOTATION}</code>,
        manifestsPath: <code>{MANIFESTS_PATH_ANNOTATION}</code>,
      })}
    </Typography>
  );
}
