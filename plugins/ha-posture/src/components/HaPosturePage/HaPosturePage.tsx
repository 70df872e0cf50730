import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { Content, Progress, TabbedLayout } from '@backstage/core-components';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import { haPostureApiRef } from '../../api';
import { haPostureTranslationRef } from '../../translation';
import { describeError } from '../../lib/errors';
import { FleetTable } from './FleetTable';
import { ClustersView } from './ClustersView';
import { useClusterAuthHeaders } from '../../hooks/useClusterAuthHeaders';

function LoadError(props: { error: Error }) {
  const { t } = useTranslationRef(haPostureTranslationRef);
  return (
    <Typography color="error" role="alert">
      {t('loadFailed', { message: describeError(props.error) })}
    </Typography>
  );
}

/** The services tab: every service's grade. */
export function FleetView() {
  const api = useApi(haPostureApiRef);
  const fleet = useAsync(() => api.getFleet(), [api]);
  if (fleet.error) {
    return <LoadError error={fleet.error} />;
  }
  return <FleetTable entries={fleet.value ?? []} isLoading={fleet.loading} />;
}

/** The clusters tab: each cluster's own posture. */
export function ClustersTab() {
  const api = useApi(haPostureApiRef);
  const authHeaders = useClusterAuthHeaders();
  // Clusters that need the user's token are read as the user who opens the tab.
  const overview = useAsync(
    async () => api.getClusterOverview({ headers: await authHeaders() }),
    [api, authHeaders],
  );
  if (overview.loading) {
    return <Progress />;
  }
  if (overview.error) {
    return <LoadError error={overview.error} />;
  }
  return (
    <ClustersView
      clusters={overview.value?.clusters ?? []}
      notEvaluated={overview.value?.notEvaluated ?? []}
    />
  );
}

/** `/ha-posture`: the fleet's grades, and the clusters' own posture. */
export function HaPosturePage() {
  const { t } = useTranslationRef(haPostureTranslationRef);
  return (
    <Content>
      <TabbedLayout>
        <TabbedLayout.Route path="/" title={t('fleet.tabTitle')}>
          <FleetView />
        </TabbedLayout.Route>
        <TabbedLayout.Route path="/clusters" title={t('clusters.tabTitle')}>
          <ClustersTab />
        </TabbedLayout.Route>
      </TabbedLayout>
    </Content>
  );
}
