import type { LogEvent } from '@backstage/plugin-scaffolder-common';

/** A line of a V8 stack trace: `    at fn (/path/file.js:1:2)`, `    at node:internal/…`. */
const STACK_FRAME =
  /^[ \t]+at (?:[^\n]* \()?(?:\/|file:\/\/|node:|[A-Za-z]:\\|<anonymous>|native)[^\n]*$\n?/gm;

/**
 * A task event without the stack frames of a failed step. The scaffolder writes a failed
 * step's `error.stack` into the log, and a stack names the server's files; Diehard's own
 * actions leave theirs out, but Backstage's (`fetch:template`, `catalog:register`) do not.
 */
export function withoutStackFrames(event: LogEvent): LogEvent {
  const message = event.body?.message;
  if (typeof message !== 'string' || !message.includes(' at ')) return event;
  const kept = message.replace(STACK_FRAME, '').trimEnd();
  if (kept === message) return event;
  return { ...event, body: { ...event.body, message: kept } };
}
