import { ReactNode } from 'react';
import AssignmentTurnedInIcon from '@material-ui/icons/AssignmentTurnedIn';
import {
  PageLayout,
  pluginHeaderActionsApiRef,
  useApi,
  useRouteRef,
  useTranslationRef,
} from '@backstage/frontend-plugin-api';
import { rootRouteRef } from '../../routes';
import { handoffReviewTranslationRef } from '../../translation';

/**
 * The page's header, in the user's language. The blueprint's own header can only show
 * its static `title` (English), so the page opts out of it (`noHeader`) and lays itself
 * out with the same swappable `PageLayout`, title link and plugin header actions.
 */
export function HandoffReviewsPageLayout(props: { children: ReactNode }) {
  const { t } = useTranslationRef(handoffReviewTranslationRef);
  const rootLink = useRouteRef(rootRouteRef);
  const headerActionsApi = useApi(pluginHeaderActionsApiRef);
  return (
    <PageLayout
      title={t('page.title')}
      icon={<AssignmentTurnedInIcon fontSize="inherit" />}
      titleLink={rootLink?.()}
      headerActions={headerActionsApi.getPluginHeaderActions('handoff-review')}
    >
      {props.children}
    </PageLayout>
  );
}
