import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { InfoCard, Progress } from '@backstage/core-components';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import { getCompoundEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import type { EntityPosture } from '@diehard/plugin-ha-posture-common';
import { haPostureApiRef } from '../../api';
import { haPostureTranslationRef } from '../../translation';
import { describeError } from '../../lib/errors';
import { useEntityPosture } from '../../hooks/useEntityPosture';
import { PostureOverview } from '../shared/PostureOverview';
import { PostureState } from '../shared/PostureState';
import {
  FindingsByCategory,
  LocatedFinding,
} from '../findings/FindingsByCategory';
import { FailureDomains } from './FailureDomains';
import { AroundThePods } from './AroundThePods';
import { GradeHistoryChart } from './GradeHistoryChart';

function locatedFindings(posture: EntityPosture): LocatedFinding[] {
  return [
    ...posture.report.workloads.flatMap(w =>
      w.findings.map(finding => ({ finding, workload: `${w.kind}/${w.name}` })),
    ),
    ...posture.report.cluster.findings.map(finding => ({ finding })),
  ];
}

function History(props: { posture: EntityPosture }) {
  const { entity } = useEntity();
  const api = useApi(haPostureApiRef);
  const { t } = useTranslationRef(haPostureTranslationRef);
  const ref = getCompoundEntityRef(entity);
  const { evaluatedAt } = props.posture;
  const history = useAsync(
    () => api.getEntityHistory(ref),
    [api, ref.kind, ref.namespace, ref.name, evaluatedAt],
  );
  if (history.loading) {
    return <Progress />;
  }
  if (history.error) {
    return (
      <Typography variant="body2" color="error">
        {t('content.historyFailed', { message: describeError(history.error) })}
      </Typography>
    );
  }
  return <GradeHistoryChart points={history.value ?? []} />;
}

/** The "HA posture" tab of an entity. */
export function EntityHaPostureContent() {
  const { entity } = useEntity();
  const { t } = useTranslationRef(haPostureTranslationRef);
  const state = useEntityPosture(getCompoundEntityRef(entity));
  return (
    <PostureState state={state}>
      {posture => (
        <Grid container spacing={3}>
          <Grid item xs={12} md={6}>
            <InfoCard title={t('content.summaryTitle')}>
              <PostureOverview posture={posture} state={state} />
            </InfoCard>
          </Grid>
          <Grid item xs={12} md={6}>
            <InfoCard title={t('content.historyTitle')}>
              <History posture={posture} />
            </InfoCard>
          </Grid>
          {posture.source.type !== 'none' && (
            <>
              <Grid item xs={12}>
                <InfoCard title={t('domains.title')}>
                  <FailureDomains placement={posture.placement} />
                  <Box mt={3}>
                    <Typography variant="subtitle1" component="h3" gutterBottom>
                      {t('domains.around')}
                    </Typography>
                    <AroundThePods report={posture.report} />
                  </Box>
                </InfoCard>
              </Grid>
              <Grid item xs={12}>
                <InfoCard title={t('content.findingsTitle')}>
                  <FindingsByCategory
                    findings={locatedFindings(posture)}
                    emptyText={t('content.noFindings')}
                  />
                </InfoCard>
              </Grid>
            </>
          )}
        </Grid>
      )}
    </PostureState>
  );
}
