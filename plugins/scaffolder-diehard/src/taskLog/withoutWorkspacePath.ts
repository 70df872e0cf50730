import type { LogEvent } from '@backstage/plugin-scaffolder-common';

/** `fetch:template`'s last line: `Template result written to /tmp/0bdd…` (Windows: `C:\…`). */
const WRITTEN_TO = /(Template result written to )(?:\/|[A-Za-z]:\\)\S*/g;

/**
 * A task event without the server folder Backstage's `fetch:template` names as where it
 * wrote the generated files (the task's workspace on the backend host).
 */
export function withoutWorkspacePath(event: LogEvent): LogEvent {
  const message = event.body?.message;
  if (typeof message !== 'string' || !message.includes('Template result'))
    return event;
  const kept = message.replace(WRITTEN_TO, '$1the workspace');
  if (kept === message) return event;
  return { ...event, body: { ...event.body, message: kept } };
}
