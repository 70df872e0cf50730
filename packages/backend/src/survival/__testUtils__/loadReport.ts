import fs from 'node:fs';
import path from 'node:path';
import { labPaths } from '@diehard/lab';
import type { Outcome } from './virtualUsers';

/** The longest time between two successes (or the start/end and a success) in a series. */
function longestGap(successTimes: number[], from: number, to: number): number {
  let longest = 0;
  let last = from;
  for (const t of [...successTimes].sort((a, b) => a - b)) {
    longest = Math.max(longest, t - last);
    last = t;
  }
  return Math.max(longest, to - last);
}

export interface Interruption {
  /** Worst, over the users, of the longest time without a successful session read. */
  session: number;
  /** Worst, over the users, of the longest time without an acknowledged write. */
  write: number;
  /** Longest time during which no user had any successful response. */
  overall: number;
}

/**
 * Longest interruptions in ms, measured from the outcomes between `from` and `to`
 * (the users' own think time and request latency included).
 */
export function interruptions(
  outcomes: Outcome[],
  users: number,
  from: number,
  to: number,
): Interruption {
  const ok = outcomes.filter(o => o.ok && o.at >= from && o.at <= to);
  const worst = (kind: Outcome['kind']) =>
    Math.max(
      ...Array.from({ length: users }, (_, u) =>
        longestGap(
          ok.filter(o => o.user === u && o.kind === kind).map(o => o.at),
          from,
          to,
        ),
      ),
    );
  return {
    session: worst('session'),
    write: worst('write'),
    overall: longestGap(
      ok.map(o => o.at),
      from,
      to,
    ),
  };
}

/** When each phase of the run began (ms, Date.now()). */
export interface LoadMarks {
  started: number;
  tomcatKilled: number;
  /** The killed Tomcat refuses connections. */
  tomcatGone: number;
  galeraKilled: number;
  galeraRejoined: number;
  stopped: number;
}

export interface LoadReport {
  users: number;
  durationMs: number;
  requestsSent: number;
  requestsFailed: number;
  failedByStatus: Record<string, number>;
  retriedOnRefusedConnection: number;
  acknowledgedWrites: number;
  storedRows: number;
  lostWrites: number;
  lostSessions: number;
  sessionLosses: string[];
  /** Over the whole run: the figure the goal applies to. */
  longestInterruptionMs: Interruption;
  afterTomcatKillMs: Interruption;
  afterGaleraKillMs: Interruption;
  whileGaleraRejoinedMs: Interruption;
  /** Upstreams that answered requests sent once the killed Tomcat was gone. */
  servedOnceTomcatGone: string[];
}

export function loadReport(options: {
  outcomes: Outcome[];
  users: Array<{ sessionLosses: string[]; acknowledged: string[] }>;
  retriedOnRefusedConnection: number;
  storedTitles: Set<string>;
  marks: LoadMarks;
}): LoadReport {
  const { outcomes, users, marks } = options;
  const failed = outcomes.filter(o => !o.ok);
  const acknowledged = users.flatMap(u => u.acknowledged);
  const within = (from: number, to: number) =>
    interruptions(outcomes, users.length, from, to);
  return {
    users: users.length,
    durationMs: marks.stopped - marks.started,
    requestsSent: outcomes.length,
    requestsFailed: failed.length,
    failedByStatus: failed.reduce<Record<string, number>>(
      (acc, o) => ({ ...acc, [o.status]: (acc[o.status] ?? 0) + 1 }),
      {},
    ),
    retriedOnRefusedConnection: options.retriedOnRefusedConnection,
    acknowledgedWrites: acknowledged.length,
    storedRows: options.storedTitles.size,
    lostWrites: acknowledged.filter(t => !options.storedTitles.has(t)).length,
    lostSessions: users.filter(u => u.sessionLosses.length > 0).length,
    sessionLosses: users.flatMap(u => u.sessionLosses),
    longestInterruptionMs: within(marks.started, marks.stopped),
    afterTomcatKillMs: within(marks.tomcatKilled, marks.galeraKilled),
    afterGaleraKillMs: within(marks.galeraKilled, marks.galeraRejoined),
    whileGaleraRejoinedMs: within(marks.galeraRejoined, marks.stopped),
    servedOnceTomcatGone: [
      ...new Set(
        outcomes
          .filter(o => o.ok && o.sentAt > marks.tomcatGone)
          .map(o => o.upstream),
      ),
    ],
  };
}

/** The longest time a user waited for a session read or a write to succeed. */
export const longestInterruption = (r: LoadReport) =>
  Math.max(r.longestInterruptionMs.session, r.longestInterruptionMs.write);

/** Writes test-results/survival-load.json and prints the one-line summary. */
export function publishLoadReport(r: LoadReport, goalMs: number) {
  const dir = path.join(labPaths().root, 'test-results');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(
    path.join(dir, 'survival-load.json'),
    `${JSON.stringify(r, null, 2)}\n`,
  );
  const longest = longestInterruption(r);
  process.stdout.write(
    `survival under load: ${r.requestsSent} requests sent, ${
      r.requestsFailed
    } failed, longest interruption ${longest} ms (goal ${goalMs} ms: ${
      longest < goalMs ? 'met' : 'NOT met'
    }), ${r.lostWrites} of ${r.acknowledgedWrites} acknowledged writes lost, ${
      r.lostSessions
    } of ${r.users} sessions lost (test-results/survival-load.json)\n`,
  );
}
