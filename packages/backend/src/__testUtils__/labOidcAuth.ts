import { randomBytes } from 'node:crypto';
import type { OidcEndpoint } from '@diehard/lab';
import { BackendProcess, startBackendProcess } from './startBackendProcess';

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

/**
 * The portal's backend on `port` (app-config.yaml, an in-memory database), trusting the
 * lab's CA and signing users in through the lab's OpenID Provider; `overrides` over it.
 */
export function startBackendWithLabOidc(
  oidc: OidcEndpoint,
  port: number,
  overrides: Record<string, unknown> = {},
): Promise<BackendProcess> {
  return startBackendProcess({
    port,
    configFiles: ['app-config.yaml'],
    env: { NODE_EXTRA_CA_CERTS: oidc.caFile },
    overrides: {
      backend: {
        database: { client: 'better-sqlite3', connection: ':memory:' },
      },
      auth: labOidcAuthConfig(oidc),
      ...overrides,
    },
  });
}
