import Chip from '@material-ui/core/Chip';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import type { Severity } from '@diehard/plugin-ha-posture-common';
import { haPostureTranslationRef } from '../../translation';

export const SEVERITY_COLORS: Record<Severity, string> = {
  critical: '#c62828',
  warning: '#ef6c00',
  info: '#1565c0',
};

export function SeverityChip(props: { severity: Severity }) {
  const { t } = useTranslationRef(haPostureTranslationRef);
  return (
    <Chip
      size="small"
      label={t(`severity.${props.severity}`)}
      style={{
        backgroundColor: SEVERITY_COLORS[props.severity],
        color: '#fff',
        fontWeight: 600,
      }}
    />
  );
}
