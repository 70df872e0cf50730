import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Grid from '@material-ui/core/Grid';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import type {
  Finding,
  PostureReport,
  Severity,
  WorkloadAround,
} from '@diehard/plugin-ha-posture-common';
import { severityRank } from '@diehard/plugin-ha-posture-common';
import { useFindingText } from '../../hooks/useFindingText';
import { haPostureTranslationRef } from '../../translation';
import { SEVERITY_COLORS } from '../shared/SeverityChip';

type Lane = keyof WorkloadAround;
const LANES: Lane[] = ['entryPoints', 'databases', 'volumes'];

interface AroundObject {
  ref: string;
  /** The worst finding that names it; none when no finding does. */
  severity?: Severity;
  /** The findings that name it, worst first. */
  findings: Finding[];
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

const NO_FINDING_COLOR = '#2e7d32';

/**
 * The objects around the pods: entry points (Ingress, Route), databases and volumes (PVC,
 * PV), those the workloads rely on and those findings name, each with the findings that
 * name it, worst first.
 */
export function collectAround(
  report: PostureReport,
): Record<Lane, AroundObject[]> {
  const naming = new Map<string, Finding[]>();
  const lanes: Record<Lane, Set<string>> = {
    entryPoints: new Set(),
    databases: new Set(),
    volumes: new Set(),
  };
  for (const workload of report.workloads) {
    // A finding names its own workload too: that is the pods, not what is around them.
    const own = `${workload.kind}/${workload.namespace}/${workload.name}`;
    for (const lane of LANES)
      for (const ref of workload.around?.[lane] ?? []) lanes[lane].add(ref);
    for (const finding of workload.findings) {
      for (const ref of finding.objects) {
        naming.set(ref, [...(naming.get(ref) ?? []), finding]);
        const kind = ref.split('/')[0];
        const lane =
          KIND_LANES[kind] ??
          (kind !== 'Pod' && ref !== own
            ? CATEGORY_LANES[finding.category]
            : undefined);
        if (lane) lanes[lane].add(ref);
      }
    }
  }
  const objects = (lane: Lane) =>
    [...lanes[lane]].map(ref => {
      const findings = [...(naming.get(ref) ?? [])].sort(
        (a, b) => severityRank(a.severity) - severityRank(b.severity),
      );
      return { ref, severity: findings[0]?.severity, findings };
    });
  return {
    entryPoints: objects('entryPoints'),
    databases: objects('databases'),
    volumes: objects('volumes'),
  };
}

export function AroundThePods(props: { report: PostureReport }) {
  const { t } = useTranslationRef(haPostureTranslationRef);
  const texts = useFindingText();
  const around = collectAround(props.report);
  return (
    <Grid container spacing={2}>
      {LANES.map(lane => (
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
                  <Tooltip
                    key={o.ref}
                    title={
                      <>
                        <Typography
                          variant="caption"
                          component="p"
                          style={{ fontWeight: 600, wordBreak: 'break-all' }}
                        >
                          {o.ref}
                        </Typography>
                        {o.findings.length ? (
                          o.findings.map((f, i) => (
                            <Typography key={i} variant="caption" component="p">
                              {texts.message(f)}
                            </Typography>
                          ))
                        ) : (
                          <Typography variant="caption" component="p">
                            {t('domains.noFindingAround')}
                          </Typography>
                        )}
                      </>
                    }
                  >
                    <Chip
                      size="small"
                      label={o.ref}
                      variant="outlined"
                      style={{
                        maxWidth: '100%',
                        borderColor: o.severity
                          ? SEVERITY_COLORS[o.severity]
                          : NO_FINDING_COLOR,
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
