import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { useNavigate } from 'react-router-dom';
import { Link } from '@backstage/core-components';
import { useRouteRef, useTranslationRef } from '@backstage/frontend-plugin-api';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import { appTranslationRef } from '../translations/appTranslationRef';

/**
 * What an address the app does not have shows, in the user's language: the way back and
 * the catalog (Backstage's own page says "PAGE NOT FOUND… contact support" in English).
 */
export function NotFoundPage() {
  const { t } = useTranslationRef(appTranslationRef);
  const navigate = useNavigate();
  const catalog = useRouteRef(catalogPlugin.routes.catalogIndex);
  return (
    <Box p={6} maxWidth={720}>
      <Typography variant="body1" color="textSecondary">
        {t('notFound.status')}
      </Typography>
      <Typography variant="h2" component="h1" gutterBottom>
        {t('notFound.title')}
      </Typography>
      <Typography variant="h6">
        <Link to="#" onClick={() => navigate(-1)}>
          {t('notFound.goBack')}
        </Link>
        {catalog && (
          <>
            {' · '}
            <Link to={catalog()}>{t('notFound.catalog')}</Link>
          </>
        )}
      </Typography>
    </Box>
  );
}
