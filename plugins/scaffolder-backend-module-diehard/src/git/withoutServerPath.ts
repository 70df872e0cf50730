import { LoggerService } from '@backstage/backend-plugin-api';
import { JsonObject } from '@backstage/types';

/**
 * The logger, with `dir` (a server path: the task's workspace) written as `.` in every
 * line and its fields. Backstage's git helper logs the folder it works in; users read
 * the task log, and no server path belongs there.
 */
export function withoutServerPath(
  logger: LoggerService,
  dir: string,
): LoggerService {
  const text = (message: string) => message.split(dir).join('.');
  const scrub = (meta?: Error | JsonObject): Error | JsonObject | undefined =>
    !meta || meta instanceof Error
      ? meta
      : Object.fromEntries(
          Object.entries(meta).map(([k, v]) => [
            k,
            typeof v === 'string' ? text(v) : v,
          ]),
        );
  return {
    error: (message, meta) => logger.error(text(message), scrub(meta)),
    warn: (message, meta) => logger.warn(text(message), scrub(meta)),
    info: (message, meta) => logger.info(text(message), scrub(meta)),
    debug: (message, meta) => logger.debug(text(message), scrub(meta)),
    child: meta =>
      withoutServerPath(logger.child(scrub(meta) as JsonObject), dir),
  };
}
