import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Grid from '@material-ui/core/Grid';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import type {
  PostureReport,
  Severity,
} from '@diehard/plugin-ha-posture-common';
import { severityRank } from '@diehard/plugin-ha-posture-common';
import { haPostureTranslationRef } from '../../translation';
import { SEVERITY_COLORS } from '../shared/SeverityChip';

type Lane = 'entryPoints' | 'volumes' | 'databases';

interface AroundObject {
  ref: string;
  severity: Severity;
  messages: string[];
}

const KIND_LANES: Record<string, Lane> = {
  Ingress: 'entryPoints',
  Route: 'entryPoints',
  PersistentVolumeClaim: 'volumes',
  PersistentVolume: 'volumes',
};

const CATEGORY_LANES: Partial<Record<string, Lane>> = {
  ingress: 'entryPoints',
  storage: 'volumes',
  database: 'databases',
};

/**
 * The objects around the pods that findings name: entry points (Ingress, Route),
 * volumes (PVC, PV) and databases, each coloured by its worst finding.
 */
export function collectAround(
  report: PostureReport,
): Record<Lane, AroundObject[]> {
  const lanes: Record<Lane, Map<string, AroundObject>> = {
    entryPoints: new Map(),
    volumes: new Map(),
    databases: new Map(),
  };
  for (const workload of report.workloads) {
    for (const finding of workload.findings) {
      for (const ref of finding.objects) {
        const kind = ref.split('/')[0];
        const lane =
          KIND_LANES[kind] ??
          (kind !== 'Pod' ? CATEGORY_LANES[finding.category] : undefined);
        if (!lane) continue;
        const existing = lanes[lane].get(ref);
        if (!existing) {
          lanes[lane].set(ref, {
            ref,
            severity: finding.severity,
            messages: [finding.message],
          });
        } else {
          existing.messages.push(finding.message);
          if (
            severityRank(finding.severity) < severityRank(existing.severity)
          ) {
            existing.severity = finding.severity;
          }
        }
      }
    }
  }
  return {
    entryPoints: [...lanes.entryPoints.values()],
    volumes: [...lanes.volumes.values()],
    databases: [...lanes.databases.values()],
  };
}

export function AroundThePods(props: { report: PostureReport }) {
  const { t } = useTranslationRef(haPostureTranslationRef);
  const around = collectAround(props.report);
  const lanes: Lane[] = ['entryPoints', 'databases', 'volumes'];
  return (
    <Grid container spacing={2}>
      {lanes.map(lane => (
        <Grid item xs={12} md={4} key={lane}>
          <section aria-label={t(`domains.${lane}`)}>
            <Typography variant="subtitle2" component="h4">
              {t(`domains.${lane}`)}
            </Typography>
            {around[lane].length === 0 ? (
              <Typography variant="body2" color="textSecondary">
                {t('domains.nothingAround')}
              </Typography>
            ) : (
              <Box display="flex" flexWrap="wrap" style={{ gap: 4 }}>
                {around[lane].map(o => (
                  <Tooltip key={o.ref} title={o.messages.join('\n')}>
                    <Chip
                      size="small"
                      label={o.ref}
                      variant="outlined"
                      style={{
                        borderColor: SEVERITY_COLORS[o.severity],
                        borderWidth: 2,
                      }}
                    />
                  </Tooltip>
                ))}
              </Box>
            )}
          </section>
        </Grid>
      ))}
    </Grid>
  );
}
