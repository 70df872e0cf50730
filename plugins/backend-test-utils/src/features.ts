import {
  createBackendModule,
  createBackendPlugin,
  ExtensionPoint,
  ServiceRef,
} from '@backstage/backend-plugin-api';

type Service<T> = ServiceRef<T, 'root' | 'plugin', 'singleton'>;

/**
 * A module of `pluginId` that hands `dep` (an extension point or a service) to `use`
 * when the backend starts: how a test adds a rule, a policy, a source or an entity
 * provider, or sees the service a module gets.
 */
export function moduleUsing<T>(
  pluginId: string,
  moduleId: string,
  dep: ExtensionPoint<T> | Service<T>,
  use: (value: T) => void | Promise<void>,
) {
  return createBackendModule({
    pluginId,
    moduleId,
    register(reg) {
      reg.registerInit({
        deps: { dep: dep as ExtensionPoint<T> },
        async init(deps) {
          await use(deps.dep);
        },
      });
    },
  });
}

/** A plugin that hands the service `dep` to `use` when the backend starts. */
export function pluginUsing<T>(
  pluginId: string,
  dep: Service<T>,
  use: (value: T) => void | Promise<void>,
) {
  return createBackendPlugin({
    pluginId,
    register(reg) {
      reg.registerInit({
        deps: { dep },
        async init(deps) {
          await use(deps.dep);
        },
      });
    },
  });
}
