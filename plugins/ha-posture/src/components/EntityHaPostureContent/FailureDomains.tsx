import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import type { WorkloadPlacement } from '@diehard/plugin-ha-posture-common';
import { haPostureTranslationRef } from '../../translation';
import {
  buildFailureDomains,
  ClusterView,
  PlacementSpof,
  PodView,
  WorkloadView,
} from '../../lib/failureDomains';

export const SPOF_RED = '#c62828';

const useStyles = makeStyles(theme => ({
  zones: {
    display: 'flex',
    gap: theme.spacing(2),
    overflowX: 'auto',
    alignItems: 'flex-start',
  },
  zone: {
    flex: '1 0 220px',
    border: `2px solid ${theme.palette.divider}`,
    borderRadius: 8,
    padding: theme.spacing(1),
  },
  node: {
    border: `2px solid ${theme.palette.divider}`,
    borderRadius: 6,
    padding: theme.spacing(1),
    marginTop: theme.spacing(1),
  },
  spofBox: {
    borderColor: SPOF_RED,
    backgroundColor: 'rgba(198, 40, 40, 0.08)',
  },
  pods: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(0.5),
    marginTop: theme.spacing(0.5),
  },
  pod: {
    display: 'inline-block',
    padding: '2px 8px',
    borderRadius: 12,
    color: '#fff',
    fontSize: '0.75rem',
    maxWidth: '100%',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
  },
  podAtRisk: {
    boxShadow: `0 0 0 2px ${SPOF_RED}`,
  },
  podNotReady: {
    opacity: 0.5,
    borderStyle: 'dashed',
  },
  caption: {
    color: SPOF_RED,
    fontWeight: 600,
  },
  legend: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(2),
    marginTop: theme.spacing(2),
  },
  swatch: {
    display: 'inline-block',
    width: 12,
    height: 12,
    borderRadius: 6,
    marginRight: 6,
    verticalAlign: 'middle',
  },
}));

function useSpofCaption() {
  const { t } = useTranslationRef(haPostureTranslationRef);
  return (spof: PlacementSpof) =>
    spof.type === 'node'
      ? {
          what: t('domains.allReplicasOnNode', {
            count: spof.count,
            workload: spof.workload,
            node: spof.node,
          }),
          consequence: t('domains.ifNodeFails', {
            node: spof.node,
            workload: spof.workload,
          }),
        }
      : {
          what: t('domains.allReplicasInZone', {
            count: spof.count,
            workload: spof.workload,
            zone: spof.zone,
          }),
          consequence: t('domains.ifZoneFails', {
            zone: spof.zone,
            workload: spof.workload,
          }),
        };
}

function SpofCaptions(props: { spofs: PlacementSpof[] }) {
  const classes = useStyles();
  const caption = useSpofCaption();
  return (
    <>
      {props.spofs.map(spof => {
        const { what, consequence } = caption(spof);
        return (
          <Typography
            key={`${spof.type}-${spof.workload}`}
            variant="caption"
            component="p"
            className={classes.caption}
          >
            {what}. {consequence}
          </Typography>
        );
      })}
    </>
  );
}

function PodChip(props: { pod: PodView; workload?: WorkloadView }) {
  const { pod, workload } = props;
  const classes = useStyles();
  const { t } = useTranslationRef(haPostureTranslationRef);
  const label = pod.ready
    ? pod.name
    : t('domains.podNotReady', { pod: pod.name });
  const className = [
    classes.pod,
    pod.atRisk ? classes.podAtRisk : '',
    pod.ready ? '' : classes.podNotReady,
  ].join(' ');
  return (
    <span
      className={className}
      style={{ backgroundColor: workload?.color }}
      title={workload ? `${workload.kind}/${workload.name}: ${label}` : label}
    >
      {label}
    </span>
  );
}

function ClusterDomains(props: {
  cluster: ClusterView;
  workloads: Map<string, WorkloadView>;
}) {
  const { cluster, workloads } = props;
  const classes = useStyles();
  const { t } = useTranslationRef(haPostureTranslationRef);
  return (
    <div className={classes.zones}>
      {cluster.zones.map(zone => {
        const zoneLabel = zone.name
          ? t('domains.zone', { zone: zone.name })
          : t('domains.noZone');
        return (
          <section
            key={zone.name ?? ''}
            aria-label={zoneLabel}
            className={`${classes.zone} ${
              zone.spofs.length > 0 ? classes.spofBox : ''
            }`}
          >
            <Typography variant="subtitle1" component="h4">
              {zoneLabel}
            </Typography>
            <SpofCaptions spofs={zone.spofs} />
            {zone.nodes.map(node => {
              const nodeLabel = t('domains.node', { node: node.name });
              return (
                <div
                  key={node.name}
                  role="group"
                  aria-label={nodeLabel}
                  className={`${classes.node} ${
                    node.spofs.length > 0 ? classes.spofBox : ''
                  }`}
                >
                  <Typography variant="subtitle2" component="h5">
                    {nodeLabel}
                  </Typography>
                  <SpofCaptions spofs={node.spofs} />
                  <div className={classes.pods}>
                    {node.pods.map(pod => (
                      <PodChip
                        key={pod.name}
                        pod={pod}
                        workload={workloads.get(pod.workloadKey)}
                      />
                    ))}
                  </div>
                </div>
              );
            })}
          </section>
        );
      })}
      {cluster.unscheduled.length > 0 && (
        <section aria-label={t('domains.unscheduled')} className={classes.zone}>
          <Typography variant="subtitle1" component="h4">
            {t('domains.unscheduled')}
          </Typography>
          <div className={classes.pods}>
            {cluster.unscheduled.map(pod => (
              <PodChip
                key={pod.name}
                pod={pod}
                workload={workloads.get(pod.workloadKey)}
              />
            ))}
          </div>
        </section>
      )}
    </div>
  );
}

/**
 * The failure-domains picture: zones as columns, nodes in them, pods as chips
 * coloured by workload; a node or zone that holds every replica of a workload in red.
 */
export function FailureDomains(props: { placement: WorkloadPlacement[] }) {
  const classes = useStyles();
  const { t } = useTranslationRef(haPostureTranslationRef);
  if (props.placement.length === 0) {
    return <Typography variant="body2">{t('domains.noPlacement')}</Typography>;
  }
  const view = buildFailureDomains(props.placement);
  const workloads = new Map(view.workloads.map(w => [w.key, w]));
  const showClusterNames =
    view.clusters.length > 1 || view.clusters.some(c => c.name);
  return (
    <div>
      <Typography variant="body2" color="textSecondary" paragraph>
        {t('domains.description')}
      </Typography>
      {view.spofs.length === 0 && (
        <Typography variant="body2" paragraph>
          {t('domains.spread')}
        </Typography>
      )}
      {view.clusters.map(cluster => (
        <Box key={cluster.name ?? ''} mb={2}>
          {showClusterNames && cluster.name && (
            <Typography variant="subtitle1" component="h4" gutterBottom>
              {t('domains.cluster', { cluster: cluster.name })}
            </Typography>
          )}
          <ClusterDomains cluster={cluster} workloads={workloads} />
        </Box>
      ))}
      <div className={classes.legend} aria-label={t('domains.legend')}>
        {view.workloads.map(w => (
          <Typography key={w.key} variant="body2" component="span">
            <span
              className={classes.swatch}
              style={{ backgroundColor: w.color }}
            />
            {w.kind}/{w.name} ({w.replicas})
          </Typography>
        ))}
      </div>
    </div>
  );
}
