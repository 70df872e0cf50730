import { Header, Page } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { handoffReviewTranslationRef } from '../../translation';
import { HandoffReviewsPage } from './HandoffReviewsPage';

/** `/handoff-reviews` in an app of the legacy frontend system: the page with its own header. */
export function LegacyHandoffReviewsPage() {
  const { t } = useTranslationRef(handoffReviewTranslationRef);
  return (
    <Page themeId="tool">
      <Header title={t('page.title')} />
      <HandoffReviewsPage />
    </Page>
  );
}
