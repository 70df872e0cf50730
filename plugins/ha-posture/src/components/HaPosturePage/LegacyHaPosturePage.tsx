import { Header, Page } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { haPostureTranslationRef } from '../../translation';
import { HaPosturePage } from './HaPosturePage';

/** `/ha-posture` in an app of the legacy frontend system: the page with its own header. */
export function LegacyHaPosturePage() {
  const { t } = useTranslationRef(haPostureTranslationRef);
  return (
    <Page themeId="tool">
      <Header title={t('page.title')} />
      <HaPosturePage />
    </Page>
  );
}
