import { SignInPage as CoreSignInPage } from '@backstage/core-components';
import type { SignInPageProps } from '@backstage/plugin-app-react';

/**
 * Guest sign-in for the embedded default. A production install configures its own
 * provider in app-config.production.yaml and lists it here.
 */
export const SignInPage = (props: SignInPageProps) => (
  <CoreSignInPage {...props} auto providers={['guest']} />
);
