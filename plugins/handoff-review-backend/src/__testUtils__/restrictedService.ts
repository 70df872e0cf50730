import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { NotAllowedError } from '@backstage/errors';

/** The bearer token of an external service allowed `catalog.entity.read` only. */
export const RESTRICTED_SERVICE_TOKEN = 'ci-report-token';

/**
 * The test backend's mock HTTP auth, plus one static token as `backend.auth.externalAccess`
 * gives it with `accessRestrictions: [{ permission: catalog.entity.read }]`: Backstage's
 * auth service answers such a token with these credentials (the mock auth cannot carry
 * restrictions). What the restriction allows is decided by Backstage's own permissions
 * service, unmocked.
 */
export const restrictedServiceAuthFactory = createServiceFactory({
  service: coreServices.httpAuth,
  deps: { plugin: coreServices.pluginMetadata },
  factory({ plugin }) {
    const httpAuth = mockServices.httpAuth({ pluginId: plugin.getId() });
    const credentials = httpAuth.credentials.bind(httpAuth);
    httpAuth.credentials = (async (req, options) => {
      if (req.headers.authorization === `Bearer ${RESTRICTED_SERVICE_TOKEN}`) {
        const allow: string[] | undefined = options?.allow;
        if (allow && !allow.includes('service')) {
          throw new NotAllowedError(
            "This endpoint does not allow 'service' credentials",
          );
        }
        return mockCredentials.service('external:ci-report', {
          permissionNames: ['catalog.entity.read'],
        });
      }
      return credentials(req, options);
    }) as typeof httpAuth.credentials;
    return httpAuth;
  },
});
