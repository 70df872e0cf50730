import {
  coreServices,
  createServiceFactory,
  LoggerService,
  RootLoggerService,
  ServiceRef,
} from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';

/** The Kubernetes plugin's config with no cluster: postures come from manifests. */
export const NO_KUBERNETES_CLUSTERS = {
  serviceLocatorMethod: { type: 'multiTenant' },
  clusterLocatorMethods: [{ type: 'config', clusters: [] }],
};

/**
 * One scheduler for every plugin of a test backend (`factory`), on which no task runs
 * unless the test triggers it (`scheduler.triggerTask`).
 */
export function sharedScheduler() {
  const scheduler = mockServices.scheduler();
  return { scheduler, factory: serviceOf(coreServices.scheduler, scheduler) };
}

/** Installs `instance` as `service` for every plugin of a test backend. */
export function serviceOf<T>(
  service: ServiceRef<T, 'plugin', 'singleton'>,
  instance: T,
) {
  return createServiceFactory({ service, deps: {}, factory: () => instance });
}

/**
 * A logger that keeps every line with its metadata (`lines`), gives them as one text
 * to look for secrets in (`text()`, errors with their stack), and installs itself as
 * the backend's logger (`factory`).
 */
export function capturingLogger() {
  const lines: Array<{ level: string; message: string; meta: any }> = [];
  const log = (level: string) => (message: string, meta?: unknown) => {
    lines.push({ level, message, meta: meta ?? {} });
  };
  const logger: LoggerService = {
    error: log('error'),
    warn: log('warn'),
    info: log('info'),
    debug: log('debug'),
    child: () => logger,
  };
  const text = () =>
    lines
      .map(({ level, message, meta }) =>
        [
          level,
          message,
          meta instanceof Error
            ? `${meta.message} ${meta.stack}`
            : JSON.stringify(meta),
        ].join(' '),
      )
      .join('\n');
  return Object.assign(logger, {
    lines,
    text,
    factory: serviceOf(coreServices.logger, logger),
  });
}

/**
 * User info whose ownership refs are `memberships[user]` (nothing for a user not
 * listed), as the catalog's membership relations make them.
 */
export function userInfoWithMemberships(memberships: Record<string, string[]>) {
  return mockServices.userInfo.mock({
    getUserInfo: async credentials => {
      const userEntityRef = (credentials.principal as { userEntityRef: string })
        .userEntityRef;
      return {
        userEntityRef,
        ownershipEntityRefs: memberships[userEntityRef] ?? [],
      };
    },
  }).factory;
}

/** An audit event as Backstage's auditor logs it: `message` (`scaffolder.task`), then its fields. */
export type LoggedAuditEvent = { message: string } & Record<string, any>;

/**
 * The audit events of a test backend (`events`) as Backstage's own auditor logs them, the
 * way an operator's log collector receives them: `factory` installs a root logger that
 * keeps the lines marked `isAuditEvent` and drops the others.
 */
export function auditEvents() {
  const events: LoggedAuditEvent[] = [];
  const logger = (fields: Record<string, unknown>): RootLoggerService => {
    const log = (message: string, meta?: Error | Record<string, unknown>) => {
      if (!fields.isAuditEvent) return;
      const more = meta instanceof Error ? { error: meta.message } : meta;
      events.push({ ...fields, ...more, message });
    };
    return {
      error: log,
      warn: log,
      info: log,
      debug: log,
      child: more => logger({ ...fields, ...more }),
    };
  };
  return {
    events,
    factory: createServiceFactory({
      service: coreServices.rootLogger,
      deps: {},
      factory: () => logger({}),
    }),
  };
}
