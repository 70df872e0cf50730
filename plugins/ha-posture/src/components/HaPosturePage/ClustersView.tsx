import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { InfoCard } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import type { ClusterPosture } from '@diehard/plugin-ha-posture-common';
import { haPostureTranslationRef } from '../../translation';
import { GradeBadge } from '../shared/GradeBadge';
import { RelativeTime } from '../shared/RelativeTime';
import { FindingItem } from '../findings/FindingItem';

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
}));

function ClusterCard(props: { cluster: ClusterPosture }) {
  const { cluster } = props;
  const classes = useStyles();
  const { t } = useTranslationRef(haPostureTranslationRef);
  const unknown = t('clusters.unknown');
  const zones = Object.entries(cluster.facts.nodesPerZone);
  return (
    <InfoCard title={cluster.cluster}>
      <section aria-label={cluster.cluster}>
        <Box display="flex" alignItems="center" style={{ gap: 16 }} mb={2}>
          <GradeBadge grade={cluster.grade} size="large" />
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
          <dt>{t('clusters.apiServers')}</dt>
          <dd>{cluster.facts.apiServers ?? unknown}</dd>
          <dt>{t('clusters.etcdMembers')}</dt>
          <dd>{cluster.facts.etcdMembers ?? unknown}</dd>
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
export function ClustersView(props: { clusters: ClusterPosture[] }) {
  const { t } = useTranslationRef(haPostureTranslationRef);
  if (props.clusters.length === 0) {
    return <Typography variant="body2">{t('clusters.empty')}</Typography>;
  }
  return (
    <Grid container spacing={3}>
      {props.clusters.map(cluster => (
        <Grid item xs={12} lg={6} key={cluster.cluster}>
          <ClusterCard cluster={cluster} />
        </Grid>
      ))}
    </Grid>
  );
}
