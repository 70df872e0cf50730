import { screen } from '@testing-library/react';
import { JsonObject } from '@backstage/types';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { oidcAuthApiRef } from './oidcAuthApi';
import { SignInPage } from './SignInPage';

function renderSignIn(config: JsonObject) {
  return renderInTestApp(<SignInPage onSignInSuccess={jest.fn()} />, {
    config: {
      app: { title: 'Diehard' },
      backend: { baseUrl: 'http://localhost:7007' },
      ...config,
    },
    apis: [[oidcAuthApiRef, { getBackstageIdentity: jest.fn() } as any]],
  });
}

describe('SignInPage', () => {
  it('offers guest sign-in with the embedded default', async () => {
    await renderSignIn({});
    expect(await screen.findByText('Guest')).toBeInTheDocument();
    expect(screen.queryByText('Company sign-in')).not.toBeInTheDocument();
  });

  it('offers only the company sign-in when production config asks for OIDC', async () => {
    await renderSignIn({ diehard: { signInProvider: 'oidc' } });
    expect(await screen.findByText('Company sign-in')).toBeInTheDocument();
    expect(screen.getByText('Sign in with your company account')).toBeInTheDocument();
    expect(screen.queryByText('Guest')).not.toBeInTheDocument();
  });
});
