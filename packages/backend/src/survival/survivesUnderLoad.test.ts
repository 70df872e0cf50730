import crypto from 'node:crypto';
import net from 'node:net';
import { eventually } from '../templates/__testUtils__/http';
import {
  DeployedService,
  ServiceDeployment,
} from './__testUtils__/deployedService';
import { sql } from './__testUtils__/galera';
import { IngressStandIn } from './__testUtils__/ingressStandIn';
import {
  LoadMarks,
  loadReport,
  longestInterruption,
  publishLoadReport,
} from './__testUtils__/loadReport';
import { MEMBER_ADDED, waitForLog } from './__testUtils__/podCluster';
import { withTomcatLogs } from './__testUtils__/tomcatLogs';
import { VirtualUsers } from './__testUtils__/virtualUsers';

/**
 * The generated service under load while it loses a Tomcat pod and a Galera node: 3
 * pods on the lab's Kubernetes (real Tomcats, sessions replicated as generated), the
 * generated DSN on the lab's Galera, virtual users behind an ingress stand-in.
 */
jest.setTimeout(900_000);

const USERS = 6;
/** Successful requests each user must see before a kill, and after it. */
const PROGRESS = 5;
/**
 * The goal is 5 s (checked in the printed summary); measured here: 4.2-4.4 s, on this
 * shared 2-core machine. A failover that breaks fails the test outright (a lost session,
 * or users without a write for the 90 s allowed); one that turns several times slower
 * (a connect timeout per request, broken pooled connections reused) exceeds this bound.
 */
const INTERRUPTION_BOUND_MS = 12_000;

const deployment = new ServiceDeployment('todo-load');
let service: DeployedService;

beforeAll(async () => {
  service = await deployment.start();
  await waitForLog(service.cluster.pods, MEMBER_ADDED, 2);
});

afterAll(() => deployment.stop());

/** True once nothing accepts connections on host:port. */
const refuses = (host: string, port: number) =>
  new Promise<boolean>(resolve => {
    const s = net.connect({ host, port });
    s.once('connect', () => {
      s.destroy();
      resolve(false);
    });
    s.once('error', () => resolve(true));
  });

describe('the generated service under load', () => {
  it('loses no acknowledged write and no session when a Tomcat pod and a Galera node are killed', async () => {
    const { lab, database, cluster } = service;
    const pods = cluster.pods;
    const ingress = new IngressStandIn(
      pods.map(p => ({ name: p.name, url: p.tomcat.url })),
    );
    const runId = `load-${crypto.randomBytes(3).toString('hex')}`;
    const users = new VirtualUsers(ingress, runId, USERS);
    /** Waits until every user has read its session and written PROGRESS times since. */
    const everyUser = async (
      what: string,
      since: number,
      timeoutMs: number,
    ) => {
      const done = await eventually(
        async () =>
          (['session', 'write'] as const).every(kind =>
            users.successesSince(kind, since).every(n => n >= PROGRESS),
          ),
        d => d,
        timeoutMs,
      );
      if (!done)
        throw new Error(
          `not every user read its session and wrote ${PROGRESS} times ${what} within ${timeoutMs} ms`,
        );
    };

    await withTomcatLogs(
      pods.map(p => p.tomcat),
      async () => {
        const marks: LoadMarks = {
          started: 0,
          tomcatKilled: 0,
          tomcatGone: 0,
          galeraKilled: 0,
          galeraRejoined: 0,
          stopped: 0,
        };
        const report = await lab.galera.exclusive(async () => {
          await ingress.start();
          expect(ingress.readyUpstreams()).toHaveLength(3);
          marks.started = Date.now();
          users.start();
          try {
            await everyUser('before the kills', marks.started, 60_000);

            // A pod lost with its node: no clean shutdown, no goodbye to its peers.
            const victim = pods[0];
            marks.tomcatKilled = Date.now();
            process.kill(victim.tomcat.pid, 'SIGKILL');
            await eventually(
              () => refuses(victim.ip, 8080),
              gone => gone,
              10_000,
            );
            marks.tomcatGone = Date.now();
            await everyUser(
              'after the Tomcat kill',
              marks.tomcatKilled,
              60_000,
            );

            // The Galera node the sequential DSN is connected to: its first host.
            marks.galeraKilled = Date.now();
            await lab.galera.kill(0);
            await everyUser(
              'after the Galera kill',
              marks.galeraKilled,
              90_000,
            );
            // It rejoins (IST of what it missed) while the load goes on.
            await lab.galera.restart(0);
            marks.galeraRejoined = Date.now();
            await everyUser(
              'after node-0 rejoined',
              marks.galeraRejoined,
              60_000,
            );
          } finally {
            await users.stop();
            marks.stopped = Date.now();
            ingress.stop();
          }

          // Every node, the one that rejoined included, holds every acknowledged write.
          const acknowledged = users.users.flatMap(u => u.acknowledged);
          const storedOn = async (node: number) =>
            new Set(
              (
                await sql(
                  lab.galera,
                  `SELECT title FROM ${database}.todo WHERE title LIKE '${runId} %'`,
                  node,
                )
              )
                .split('\n')
                .filter(Boolean),
            );
          for (const node of [0, 2]) {
            const here = await storedOn(node);
            expect({
              node,
              missing: acknowledged.filter(t => !here.has(t)),
            }).toEqual({ node, missing: [] });
          }
          return loadReport({
            outcomes: users.outcomes,
            users: users.users,
            retriedOnRefusedConnection: ingress.retriedOnRefusal,
            storedTitles: await storedOn(1),
            marks,
          });
        });
        publishLoadReport(report, 5_000);

        expect(report.servedOnceTomcatGone).toHaveLength(2);
        expect(report.servedOnceTomcatGone).not.toContain(pods[0].name);
        expect(report.lostWrites).toBe(0);
        expect(report.sessionLosses).toEqual([]);
        expect(longestInterruption(report)).toBeLessThan(INTERRUPTION_BOUND_MS);
      },
    );
  });
});
