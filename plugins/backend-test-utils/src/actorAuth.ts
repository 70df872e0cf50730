import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';

/**
 * The test backend's mock auth, except that a token a plugin gets on a user's behalf names
 * that plugin as the actor, as Backstage's real auth service does. The permission backend
 * refuses a resource permission without a resource from a user calling directly, and
 * tells the two apart by the actor: the search backend's per-type check needs it.
 */
export const actorAuthFactory = createServiceFactory({
  service: coreServices.auth,
  deps: { plugin: coreServices.pluginMetadata },
  factory({ plugin }) {
    const auth = mockServices.auth({ pluginId: plugin.getId() });
    const getPluginRequestToken = auth.getPluginRequestToken.bind(auth);
    auth.getPluginRequestToken = async options => {
      const { onBehalfOf } = options;
      if (!auth.isPrincipal(onBehalfOf, 'user'))
        return getPluginRequestToken(options);
      return {
        token: mockCredentials.user.token(onBehalfOf.principal.userEntityRef, {
          actor: { subject: `plugin:${plugin.getId()}` },
        }),
      };
    };
    return auth;
  },
});
