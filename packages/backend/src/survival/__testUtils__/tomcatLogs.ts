import fs from 'node:fs';
import path from 'node:path';
import type { Tomcat } from './lab';

/** The last lines of an instance's catalina.out, headed by its CATALINA_BASE name. */
export function logTail(tomcat: Tomcat, lines = 40): string {
  const text = fs.existsSync(tomcat.logFile)
    ? fs.readFileSync(tomcat.logFile, 'utf8')
    : '(no log)';
  return `--- ${path.basename(
    tomcat.catalinaBase,
  )}: last ${lines} lines of catalina.out\n${text
    .split('\n')
    .slice(-lines - 1)
    .join('\n')}`;
}

/** Runs fn; when it throws (an assertion too), the Tomcat logs' tails join the message. */
export async function withTomcatLogs<T>(
  tomcats: Tomcat[],
  fn: () => Promise<T>,
): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof Error)
      e.message += `\n\n${tomcats.map(t => logTail(t)).join('\n')}`;
    throw e;
  }
}

/** How many times a pattern occurs in an instance's log so far. */
export function logCount(tomcat: Tomcat, pattern: RegExp): number {
  const text = fs.readFileSync(tomcat.logFile, 'utf8');
  return (text.match(new RegExp(pattern.source, 'g')) ?? []).length;
}

/** Copies the logs to $DIEHARD_KEEP_LOGS when set (for a look after the run). */
export function keepLogs(tomcats: Tomcat[]) {
  const dir = process.env.DIEHARD_KEEP_LOGS;
  if (!dir) return;
  for (const t of tomcats) {
    if (fs.existsSync(t.logFile))
      fs.copyFileSync(
        t.logFile,
        path.join(dir, `${path.basename(t.catalinaBase)}.log`),
      );
  }
}
