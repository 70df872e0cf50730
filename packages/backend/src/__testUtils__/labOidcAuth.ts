import { randomBytes } from 'node:crypto';
import type { OidcEndpoint } from '@diehard/lab';

/**
 * The portal's `auth` config for signing in through the lab's OpenID Provider: a user
 * signs in as the catalog User whose profile e-mail matches.
 */
export function labOidcAuthConfig(oidc: OidcEndpoint) {
  return {
    // Backstage's OIDC provider keeps the flow's state in a session cookie.
    session: { secret: randomBytes(24).toString('base64url') },
    providers: {
      oidc: {
        development: {
          metadataUrl: oidc.metadataUrl,
          clientId: oidc.clientId,
          clientSecret: oidc.clientSecret,
          prompt: 'auto',
          signIn: {
            resolvers: [{ resolver: 'emailMatchingUserEntityProfileEmail' }],
          },
        },
      },
    },
  };
}
