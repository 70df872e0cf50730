import {
  coreServices,
  createServiceFactory,
  LoggerService,
} from '@backstage/backend-plugin-api';

/** The backend's logger, keeping every line with its metadata for a test to read. */
export function capturingLogger() {
  const lines: Array<{ level: string; message: string; meta: any }> = [];
  const log =
    (level: string) =>
    (message: string, meta?: unknown): void => {
      lines.push({ level, message, meta: meta ?? {} });
    };
  const logger: LoggerService = {
    error: log('error'),
    warn: log('warn'),
    info: log('info'),
    debug: log('debug'),
    child: () => logger,
  };
  return {
    lines,
    factory: createServiceFactory({
      service: coreServices.logger,
      deps: {},
      factory: () => logger,
    }),
  };
}
