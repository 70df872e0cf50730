import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eventually, request } from '../templates/__testUtils__/http';
import { freePort, startApp } from './__testUtils__/appInstance';
import {
  createDatabase,
  generatedDsn,
  labDsn,
  setGeneratedDsn,
  singleHostDsn,
  sql,
} from './__testUtils__/galera';
import { renderService } from './__testUtils__/generatedService';
import { generatedWar } from './__testUtils__/generatedWar';
import { SurvivalLab, Tomcat, useSurvivalLab } from './__testUtils__/lab';
import { findingsOf, scanProject } from './__testUtils__/postureCli';
import { addTodo } from './__testUtils__/todoForm';
import { keepLogs, withTomcatLogs } from './__testUtils__/tomcatLogs';

/**
 * The application the template generates, built with Maven and run on the lab's real
 * Tomcat 10.1 against the lab's real 3-node Galera cluster: two "pods" sharing one
 * attachments directory (standing in for the NFS volume) with the generated DSN
 * (every node, in failover order), and one with that DSN narrowed to a single host.
 */
jest.setTimeout(900_000);

const NAME = 'todo-web';
let lab: SurvivalLab;
let work: string;
let project: string;
let database: string | undefined;
let attachments: string;
let war: string;
const tomcats: Tomcat[] = [];
let podA: Tomcat;
let podB: Tomcat;

const rows = async (node: number) =>
  Number(
    (
      await sql(lab.galera, `SELECT COUNT(*) FROM ${database}.todo`, node)
    ).trim(),
  );

beforeAll(async () => {
  lab = await useSurvivalLab();
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'diehard-surv-data-'));
  project = path.join(work, 'project');
  await renderService(NAME, project);
  war = await generatedWar(project, NAME);
  database = await createDatabase(lab.galera);
  attachments = path.join(work, 'shared-attachments');
  fs.mkdirSync(attachments);
  const dbUrl = labDsn(generatedDsn(project), lab.galera, database);
  for (const pod of ['todo-web-a', 'todo-web-b']) {
    tomcats.push(
      await startApp({ lab, work, name: pod, war, dbUrl, attachments }),
    );
  }
  [podA, podB] = tomcats;
});

afterAll(async () => {
  keepLogs(tomcats);
  for (const t of tomcats) await t.stop().catch(() => undefined);
  if (database) await sql(lab.galera, `DROP DATABASE IF EXISTS ${database}`);
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

describe('the generated todo application on Tomcat 10.1 and Galera', () => {
  it('is live and ready on both pods; readiness reports the database', async () => {
    for (const pod of [podA, podB]) {
      const ready = await eventually(
        () => request(`${pod.url}/health/ready`),
        r => r.status === 200,
      );
      expect(ready.status).toBe(200);
      expect(JSON.parse(ready.body)).toMatchObject({
        status: 'UP',
        database: true,
        attachments: true,
      });
    }
  });

  it('stores todos in Galera and attachments on the shared volume: written through one pod, read through the other', async () => {
    // Not while another suite has a node down: a write during the view change gets 503.
    await lab.galera.exclusive(async () => {
      const content = crypto.randomBytes(2048);
      const added = await addTodo(podA.url, 'Replace the <b>UPS</b> battery', {
        attachment: content,
      });
      expect(added.status).toBe(302);
      const page = await request(`${podB.url}/`);
      expect(page.status).toBe(200);
      expect(page.body).toContain('Served by pod <b>todo-web-b</b>');
      expect(page.body).toContain('Replace the &lt;b&gt;UPS&lt;/b&gt; battery');
      const id = page.body.match(/href="attachments\/([0-9a-f-]{36})"/)![1];
      const download = await request(`${podB.url}/attachments/${id}`);
      expect(download.status).toBe(200);
      expect(download.raw.equals(content)).toBe(true);
      expect(
        await sql(lab.galera, `SELECT title FROM ${database}.todo`),
      ).toContain('UPS');
      // Paths that are not generated ids are never served.
      for (const bad of ['..%2F..%2Fetc%2Fpasswd', 'notes.txt', `${id}.bak`]) {
        expect([400, 404]).toContain(
          (await request(`${podB.url}/attachments/${bad}`)).status,
        );
      }
    });
  });

  it('keeps a per-user session value that shows which pod served it', async () => {
    const first = await request(`${podA.url}/session`);
    const cookie = String(first.headers['set-cookie']).split(';')[0];
    expect(cookie).toMatch(/^JSESSIONID=/);
    const second = await request(`${podA.url}/session`, {
      headers: { cookie },
    });
    expect(JSON.parse(second.body)).toEqual({
      pod: 'todo-web-a',
      visits: 2,
      firstPod: 'todo-web-a',
      pods: ['todo-web-a', 'todo-web-a'],
    });
  });

  it('keeps serving reads and writes when the Galera node it is connected to is killed; no acknowledged write is lost and the node rejoins', async () => {
    await withTomcatLogs([podA, podB], async () => {
      await lab.galera.exclusive(async () => {
        for (let i = 0; i < 5; i++)
          expect(
            (await addTodo(podA.url, `before the kill #${i}`)).status,
          ).toBe(302);
        const before = await rows(1);

        // The sequential DSN connects to its first host: node-0.
        await lab.galera.kill(0);
        try {
          // Galera needs a few seconds to evict the dead node (a view change); meanwhile
          // a user retrying the form gets 503, then it works without any restart.
          const killed = Date.now();
          const added = await eventually(
            () => addTodo(podA.url, 'written while node-0 is down'),
            r => r.status === 302,
            30_000,
          );
          expect(added.status).toBe(302);
          process.stdout.write(
            `first write accepted ${
              Date.now() - killed
            } ms after node-0 was killed\n`,
          );
          for (let i = 0; i < 5; i++)
            expect(
              (await addTodo(podB.url, `while node-0 is down #${i}`)).status,
            ).toBe(302);
          const page = await request(`${podB.url}/`);
          expect(page.status).toBe(200);
          expect(page.body).toContain('written while node-0 is down');
          expect((await request(`${podA.url}/health/ready`)).status).toBe(200);
          expect(await rows(1)).toBe(before + 6);
        } finally {
          await lab.galera.restart(0);
        }
        // The node is back, Synced, with every write it missed.
        expect(await lab.galera.status(0)).toMatchObject({
          clusterSize: 3,
          localState: 'Synced',
        });
        expect(await rows(0)).toBe(before + 6);
      });
    });
  });

  it('with a single-host DSN, fails while that node is down, as the posture engine predicts', async () => {
    // What the engine says of the generated manifests, and of the same with one host.
    expect(findingsOf(scanProject(project), NAME, 'database')).toEqual([]);
    const variant = path.join(work, 'single-host');
    fs.cpSync(project, variant, { recursive: true });
    const single = singleHostDsn(generatedDsn(project));
    setGeneratedDsn(variant, single);
    expect(findingsOf(scanProject(variant), NAME, 'database')).toEqual([
      expect.objectContaining({ category: 'database' }),
    ]);

    const podS = await startApp({
      lab,
      work,
      name: 'todo-web-single',
      war,
      dbUrl: labDsn(single, lab.galera, database!),
      attachments,
    });
    tomcats.push(podS);
    await withTomcatLogs([podS, podA], async () => {
      await lab.galera.exclusive(async () => {
        expect(
          (await addTodo(podS.url, 'single host, all nodes up')).status,
        ).toBe(302);

        await lab.galera.kill(0);
        try {
          // Once the survivors have evicted node-0, the generated DSN works again...
          const survivors = await eventually(
            () => lab.galera.status(1),
            s => s.clusterSize === 2 && s.clusterStatus === 'Primary',
            60_000,
          );
          expect(survivors.clusterSize).toBe(2);
          expect(
            (
              await eventually(
                () => addTodo(podA.url, 'generated DSN, node-0 down'),
                r => r.status === 302,
                30_000,
              )
            ).status,
          ).toBe(302);
          // ...and the single-host one does not, however often the user retries.
          for (let i = 0; i < 5; i++) {
            const attempt = await addTodo(
              podS.url,
              `single host, node-0 down #${i}`,
            );
            expect(attempt.status).toBe(503);
          }
          const ready = await request(`${podS.url}/health/ready`);
          expect(ready.status).toBe(503);
          expect(JSON.parse(ready.body)).toMatchObject({ database: false });
        } finally {
          await lab.galera.restart(0);
        }
        // When its node returns, so does the single-host pod, without a restart.
        const back = await eventually(
          () => addTodo(podS.url, 'single host, node-0 back'),
          r => r.status === 302,
          60_000,
        );
        expect(back.status).toBe(302);
        expect((await request(`${podS.url}/health/ready`)).status).toBe(200);
      });
    });
  });

  it('a pod that cannot reach the database is alive but not ready', async () => {
    const closed = await freePort();
    const pod = await startApp({
      lab,
      work,
      name: 'todo-web-nodb',
      war,
      dbUrl: `jdbc:mariadb://127.0.0.1:${closed}/todo?connectTimeout=500`,
      attachments,
    });
    tomcats.push(pod);
    expect((await request(`${pod.url}/health/live`)).status).toBe(200);
    const ready = await request(`${pod.url}/health/ready`);
    expect(ready.status).toBe(503);
    expect(JSON.parse(ready.body)).toMatchObject({
      status: 'DOWN',
      database: false,
    });
  });
});
