import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { InfoCard } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Chip from '@material-ui/core/Chip';
import type {
  ClusterNotEvaluated,
  ClusterPosture,
  ControlPlaneFact,
  ControlPlaneFacts,
} from '@diehard/plugin-ha-posture-common';
import { haPostureTranslationRef } from '../../translation';
import { GradeBadge } from '../shared/GradeBadge';
import { RelativeTime } from '../shared/RelativeTime';
import { FindingItem } from '../findings/FindingItem';
import { useFindingText } from '../../hooks/useFindingText';

const useStyles = makeStyles(theme => ({
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: theme.spacing(2),
    rowGap: theme.spacing(0.5),
    margin: 0,
    '& dt': { fontWeight: 600 },
    '& dd': { margin: 0 },
  },
  source: { display: 'block' },
}));

/** A count with where it was read, or unknown with what would show it. */
function FactValue(props: {
  fact: ControlPlaneFact & { leader?: string };
  hint:
    | 'apiServers'
    | 'etcdMembers'
    | 'controllerManagers'
    | 'schedulers'
    | 'zones';
  value?: string;
}) {
  const { fact, hint, value } = props;
  const classes = useStyles();
  const { t } = useTranslationRef(haPostureTranslationRef);
  const known = fact.source !== undefined;
  if (!known) {
    return (
      <>
        {t('clusters.unknown')}
        <Typography
          className={classes.source}
          variant="caption"
          color="textSecondary"
        >
          {t(`clusters.visibleWith.${hint}`)}
        </Typography>
      </>
    );
  }
  return (
    <>
      {value ?? fact.count}
      <Typography
        className={classes.source}
        variant="caption"
        color="textSecondary"
      >
        {t('clusters.from', {
          source: t(`clusters.source.${fact.source!}`),
          objects: fact.objects.join(', '),
        })}
      </Typography>
    </>
  );
}

/** `2, leader m-1_…`: the member count and the lease holder, as far as either is known. */
function withLeader(
  fact: ControlPlaneFact & { leader?: string },
  leader: string,
): string | undefined {
  if (fact.count === undefined) return fact.leader ? leader : undefined;
  return fact.leader ? `${fact.count}, ${leader}` : String(fact.count);
}

function ControlPlaneRows(props: { cp: ControlPlaneFacts }) {
  const { cp } = props;
  const { t } = useTranslationRef(haPostureTranslationRef);
  const zones = Object.entries(cp.zones.perZone ?? {})
    .map(([zone, n]) => `${zone}: ${n}`)
    .join(', ');
  const upOf = (fact: ControlPlaneFact) =>
    fact.count !== undefined && fact.alive !== undefined
      ? t('clusters.alive', {
          alive: String(fact.alive),
          members: String(fact.count),
        })
      : undefined;
  return (
    <>
      <dt>{t('clusters.apiServers')}</dt>
      <dd>
        <FactValue
          fact={cp.apiServers}
          hint="apiServers"
          value={upOf(cp.apiServers)}
        />
      </dd>
      <dt>{t('clusters.etcdMembers')}</dt>
      <dd>
        <FactValue
          fact={cp.etcdMembers}
          hint="etcdMembers"
          value={upOf(cp.etcdMembers)}
        />
      </dd>
      <dt>{t('clusters.controllerManagers')}</dt>
      <dd>
        <FactValue
          fact={cp.controllerManagers}
          hint="controllerManagers"
          value={withLeader(
            cp.controllerManagers,
            t('clusters.leader', {
              leader: cp.controllerManagers.leader ?? '',
            }),
          )}
        />
      </dd>
      <dt>{t('clusters.schedulers')}</dt>
      <dd>
        <FactValue
          fact={cp.schedulers}
          hint="schedulers"
          value={withLeader(
            cp.schedulers,
            t('clusters.leader', { leader: cp.schedulers.leader ?? '' }),
          )}
        />
      </dd>
      <dt>{t('clusters.controlPlaneZones')}</dt>
      <dd>
        <FactValue fact={cp.zones} hint="zones" value={zones || undefined} />
      </dd>
    </>
  );
}

function ClusterCard(props: { cluster: ClusterPosture }) {
  const { cluster } = props;
  const classes = useStyles();
  const { t } = useTranslationRef(haPostureTranslationRef);
  const unknown = t('clusters.unknown');
  const zones = Object.entries(cluster.facts.nodesPerZone);
  const cp = cluster.facts.controlPlane;
  const incomplete = (cp?.unknown.length ?? 0) > 0;
  return (
    <InfoCard title={cluster.cluster}>
      <section aria-label={cluster.cluster}>
        <Box display="flex" alignItems="center" style={{ gap: 16 }} mb={2}>
          <GradeBadge grade={cluster.grade} size="large" />
          {incomplete && (
            <Chip
              size="small"
              variant="outlined"
              label={t('clusters.incomplete')}
              title={t('clusters.incompleteExplanation')}
            />
          )}
          <Typography variant="body2" color="textSecondary">
            <RelativeTime iso={cluster.evaluatedAt} />
          </Typography>
        </Box>
        <dl className={classes.facts}>
          <dt>{t('clusters.nodes')}</dt>
          <dd>{cluster.facts.nodes}</dd>
          <dt>{t('clusters.nodesPerZone')}</dt>
          <dd>
            {zones.length > 0
              ? zones.map(([zone, n]) => `${zone}: ${n}`).join(', ')
              : unknown}
          </dd>
          {cp ? (
            <ControlPlaneRows cp={cp} />
          ) : (
            <>
              <dt>{t('clusters.apiServers')}</dt>
              <dd>{cluster.facts.apiServers ?? unknown}</dd>
              <dt>{t('clusters.etcdMembers')}</dt>
              <dd>{cluster.facts.etcdMembers ?? unknown}</dd>
            </>
          )}
        </dl>
        <Box mt={2}>
          <Typography variant="subtitle1" component="h3" gutterBottom>
            {t('clusters.findingsTitle')}
          </Typography>
          {cluster.findings.length === 0 ? (
            <Typography variant="body2">{t('clusters.noFindings')}</Typography>
          ) : (
            cluster.findings.map((finding, i) => (
              <FindingItem key={i} finding={finding} />
            ))
          )}
        </Box>
      </section>
    </InfoCard>
  );
}

/** Each cluster's own posture: its facts and control-plane findings. */
export function ClustersView(props: {
  clusters: ClusterPosture[];
  notEvaluated?: ClusterNotEvaluated[];
}) {
  const { t } = useTranslationRef(haPostureTranslationRef);
  const texts = useFindingText();
  const notEvaluated = (props.notEvaluated ?? []).map(n => (
    <Typography variant="body2" key={n.cluster} role="status">
      {t('clusters.notEvaluated', {
        cluster: n.cluster,
        reason: texts.text(n.reasonMessage, n.reason),
      })}
    </Typography>
  ));
  if (props.clusters.length === 0) {
    return (
      <>
        {notEvaluated}
        <Typography variant="body2">{t('clusters.empty')}</Typography>
      </>
    );
  }
  return (
    <Grid container spacing={3}>
      {notEvaluated.length > 0 && (
        <Grid item xs={12}>
          {notEvaluated}
        </Grid>
      )}
      {props.clusters.map(cluster => (
        <Grid item xs={12} lg={6} key={cluster.cluster}>
          <ClusterCard cluster={cluster} />
        </Grid>
      ))}
    </Grid>
  );
}
