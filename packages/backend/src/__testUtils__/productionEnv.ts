import { randomBytes } from 'node:crypto';
import type { PostgresEndpoint } from '@diehard/lab';

/**
 * What app-config.production.yaml reads from the environment, for a backend served at
 * `baseUrl` on the lab's PostgreSQL: fresh secrets, and a Kubernetes cluster and an
 * OpenID provider the test never reaches.
 */
export function productionEnv(
  baseUrl: string,
  pg: PostgresEndpoint,
): Record<string, string> {
  return {
    DIEHARD_BASE_URL: baseUrl,
    BACKEND_SECRET: randomBytes(24).toString('base64'),
    AUTH_SESSION_SECRET: randomBytes(24).toString('base64'),
    POSTGRES_HOST: pg.host,
    POSTGRES_PORT: String(pg.port),
    POSTGRES_USER: pg.user,
    POSTGRES_PASSWORD: pg.password,
    KUBERNETES_CLUSTER_NAME: 'production',
    KUBERNETES_CLUSTER_URL: 'https://127.0.0.1:1',
    KUBERNETES_SERVICE_ACCOUNT_TOKEN: 'unused-by-this-test',
    KUBERNETES_CA_DATA: Buffer.from('not a real CA').toString('base64'),
    AUTH_OIDC_METADATA_URL: 'http://127.0.0.1:1/unused',
    AUTH_OIDC_CLIENT_ID: 'unused',
    AUTH_OIDC_CLIENT_SECRET: 'unused',
  };
}
