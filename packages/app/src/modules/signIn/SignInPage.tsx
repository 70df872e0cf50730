import { SignInPage as CoreSignInPage } from '@backstage/core-components';
import {
  configApiRef,
  useApi,
  useTranslationRef,
} from '@backstage/frontend-plugin-api';
import type { SignInPageProps } from '@backstage/plugin-app-react';
import { appTranslationRef } from '../translations/appTranslationRef';
import { oidcAuthApiRef } from './oidcAuthApi';

/**
 * Guest sign-in for the embedded default; the company's OpenID Connect provider when
 * `diehard.signInProvider` is `oidc` (app-config.production.yaml).
 */
export const SignInPage = (props: SignInPageProps) => {
  const provider =
    useApi(configApiRef).getOptionalString('diehard.signInProvider') ?? 'guest';
  const { t } = useTranslationRef(appTranslationRef);
  if (provider === 'oidc') {
    return (
      <CoreSignInPage
        {...props}
        auto
        provider={{
          id: 'oidc',
          title: t('signIn.companyTitle'),
          message: t('signIn.companyMessage'),
          apiRef: oidcAuthApiRef,
        }}
      />
    );
  }
  return <CoreSignInPage {...props} auto providers={['guest']} />;
};
