import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import {
  backstageDatabaseConfig,
  dropDatabasesWithPrefix,
  freePort,
  useLab,
} from '@diehard/lab';
import {
  BackendProcess,
  startBackendProcess,
} from '../__testUtils__/startBackendProcess';
import { guestToken } from '../__testUtils__/guestSession';

jest.setTimeout(10 * 60_000);

/** The refresh's period and lock timeout in this test (haPosture.refresh.*). */
const PERIOD_MS = 15_000;
const TIMEOUT_MS = 20_000;
/** Backstage's scheduler janitor frees expired locks once a minute on each replica. */
const JANITOR_MS = 60_000;
/** A waiting replica asks the database whether the task is due every 5 s. */
const POLL_MS = 5_000;
/** One refresh of the demo catalog, and the lines reaching the test, on a loaded machine. */
const RUN_MS = 20_000;
const ENTITY = 'component:default/eni-todo-web';
const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

/** Each line `message` a backend logged, with when the test saw it (JSON logs have no time). */
class LogLines {
  private readonly seen: Array<{ replica: number; at: number; line: any }> = [];
  private readonly counts = new Map<string, number>();
  private readonly timer = setInterval(() => this.scan(), 100);

  constructor(
    private readonly backends: BackendProcess[],
    private readonly messages: string[],
  ) {}

  scan() {
    const now = Date.now();
    this.backends.forEach((backend, replica) => {
      for (const message of this.messages) {
        const key = `${replica} ${message}`;
        const lines = backend
          .output()
          .split('\n')
          .filter(l => l.includes(`"${message}`));
        for (const line of lines.slice(this.counts.get(key) ?? 0))
          this.seen.push({ replica, at: now, line: JSON.parse(line) });
        this.counts.set(key, lines.length);
      }
    });
  }

  /** Where the lines seen so far end: `next` looks after it. */
  mark() {
    this.scan();
    return this.seen.length;
  }

  async next(
    message: string,
    after: number,
    timeoutMs: number,
    replica?: number,
  ) {
    for (const deadline = Date.now() + timeoutMs; ; await sleep(100)) {
      this.scan();
      const found = this.seen
        .slice(after)
        .find(
          s =>
            s.line.message.startsWith(message) &&
            (replica === undefined || s.replica === replica),
        );
      if (found) return found;
      if (Date.now() > deadline)
        throw new Error(
          `no "${message}" logged within ${timeoutMs} ms:\n${this.backends
            .map(b => b.output().split('\n').slice(-15).join('\n'))
            .join('\n---\n')}`,
        );
    }
  }

  indexOf(entry: { replica: number; at: number; line: any }) {
    return this.seen.indexOf(entry);
  }

  stop() {
    clearInterval(this.timer);
  }
}

/**
 * Issue #21: the scheduled posture refresh runs on one replica at a time, under a lock
 * Backstage's scheduler keeps in PostgreSQL. Two backend processes share the lab's
 * PostgreSQL; the one running the refresh is SIGKILLed, lock in hand. The other must
 * take the refresh over once the lock times out, and its users see fresh postures.
 */
describe('the scheduled posture refresh when its replica is killed mid-run', () => {
  const prefix = `diehard_lk_${randomBytes(4).toString('hex')}_`;
  let pg: Awaited<ReturnType<typeof useLab<'postgres'>>>['postgres'];
  const backends: BackendProcess[] = [];
  let db: Client | undefined;
  let logs: LogLines | undefined;

  beforeAll(async () => {
    pg = (await useLab(['postgres'])).postgres;
    const start = async () =>
      startBackendProcess({
        port: await freePort(),
        configFiles: ['app-config.yaml'],
        env: { LOG_LEVEL: 'info' },
        readyTimeoutMs: 300_000,
        overrides: {
          backend: { database: backstageDatabaseConfig(pg, prefix) },
          haPosture: {
            refresh: {
              minutes: PERIOD_MS / 60_000,
              timeoutMinutes: TIMEOUT_MS / 60_000,
            },
          },
        },
      });
    // One after the other, as a rollout does: the first creates the databases.
    backends.push(await start());
    backends.push(await start());
    logs = new LogLines(backends, [
      'refreshing HA posture',
      'refreshed HA posture',
      'Task timed out and was lost',
    ]);
  });

  afterAll(async () => {
    logs?.stop();
    await db?.end().catch(() => undefined);
    await Promise.all(backends.map(b => b.stop()));
    if (pg) await dropDatabasesWithPrefix(pg, prefix);
  });

  it('runs on the other replica once the lock times out, within timeout + janitor + poll', async () => {
    // The demo catalog processed and evaluated once: a refresh has postures to write.
    let after = 0;
    for (const deadline = Date.now() + 240_000; ; ) {
      const run = await logs!.next(
        'refreshed HA posture',
        after,
        deadline - Date.now(),
      );
      after = logs!.indexOf(run) + 1;
      if (run.line.evaluated > 0) break;
    }

    // The posture table locked from here: the next run blocks on its first write, so
    // the kill lands while its replica holds the scheduler's lock.
    db = new Client({
      host: pg.host,
      port: pg.port,
      user: pg.user,
      password: pg.password,
      database: `${prefix}ha-posture`,
    });
    await db.connect();
    await db.query('BEGIN');
    await db.query('LOCK TABLE posture_latest IN EXCLUSIVE MODE');
    // The next run after the last one seen (it may have started before the lock).
    const started = await logs!.next(
      'refreshing HA posture',
      after,
      PERIOD_MS + RUN_MS,
    );
    const holder = started.replica;
    const other = 1 - holder;
    const {
      rows: [lock],
    } = await db.query(
      `SELECT current_run_ticket AS ticket,
              EXTRACT(EPOCH FROM current_run_expires_at - clock_timestamp()) * 1000 AS "expiresInMs"
         FROM backstage_backend_tasks__tasks WHERE id = 'ha-posture-refresh'`,
    );
    process.kill(backends[holder].pid, 'SIGKILL');
    const killed = Date.now();
    after = logs!.mark();
    await db.query('ROLLBACK');
    expect(lock.ticket).toBeTruthy();
    const expiresAt = killed + Number(lock.expiresInMs);

    const resumed = await logs!.next(
      'refreshing HA posture',
      after,
      TIMEOUT_MS + JANITOR_MS + POLL_MS + RUN_MS,
      other,
    );
    const done = await logs!.next(
      'refreshed HA posture',
      logs!.indexOf(resumed),
      RUN_MS,
      other,
    );
    const freed = await logs!.next('Task timed out and was lost', after, 0);

    // What the users of the surviving replica see: the entity evaluated after the kill.
    const token = await guestToken(backends[other].baseUrl);
    const response = await fetch(
      `${backends[other].baseUrl}/api/ha-posture/entities/${ENTITY.replace(
        ':',
        '/',
      )}`,
      { headers: { Authorization: `Bearer ${token}` } },
    );
    expect(response.status).toBe(200);
    const posture = await response.json();

    const report = {
      periodMs: PERIOD_MS,
      timeoutMs: TIMEOUT_MS,
      lockExpiresAfterKillMs: expiresAt - killed,
      lockFreedByJanitorAfterKillMs: freed.at - killed,
      otherReplicaStartedAfterKillMs: resumed.at - killed,
      otherReplicaRefreshedAfterKillMs: done.at - killed,
      refreshDurationMs: done.line.durationMs,
      evaluated: done.line.evaluated,
      postureEvaluatedAfterKillMs: Date.parse(posture.evaluatedAt) - killed,
    };
    const resultsDir = path.resolve(__dirname, '../../../../test-results');
    fs.mkdirSync(resultsDir, { recursive: true });
    fs.writeFileSync(
      path.join(resultsDir, 'refresh-lock-kill.json'),
      JSON.stringify(report, null, 2),
    );
    // eslint-disable-next-line no-console
    console.log(
      `refresh lock after a kill: ${JSON.stringify(report, null, 2)}`,
    );

    // The lock was honoured: no second run while the dead replica held it.
    expect(resumed.at).toBeGreaterThanOrEqual(expiresAt);
    expect(freed.replica).toBe(other);
    // Then the other replica took over within the scheduler's own delays.
    expect(done.at - killed).toBeLessThanOrEqual(
      TIMEOUT_MS + JANITOR_MS + POLL_MS + RUN_MS,
    );
    expect(done.line.evaluated).toBeGreaterThan(0);
    expect(Date.parse(posture.evaluatedAt)).toBeGreaterThan(killed);
  });
});
