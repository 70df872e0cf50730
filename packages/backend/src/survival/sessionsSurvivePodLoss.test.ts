import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eventually } from '../templates/__testUtils__/http';
import {
  createDatabase,
  generatedDsn,
  labDsn,
  sql,
} from './__testUtils__/galera';
import { renderService } from './__testUtils__/generatedService';
import { generatedWar } from './__testUtils__/generatedWar';
import { SurvivalLab, useSurvivalLab } from './__testUtils__/lab';
import {
  MEMBER_ADDED,
  PodCluster,
  startPodCluster,
  visit,
  waitForLog,
} from './__testUtils__/podCluster';
import { findingsOf, scanProject } from './__testUtils__/postureCli';
import { withTomcatLogs } from './__testUtils__/tomcatLogs';

/**
 * HTTP session replication as generated, for real: 3 pods of the generated Deployment
 * on 3 nodes of the lab's Kubernetes, a real Tomcat on each pod IP with the generated
 * server.xml, peers found through the API server with the generated Role, sessions
 * copied by the generated DeltaManager.
 */
jest.setTimeout(900_000);

let lab: SurvivalLab;
let work: string;
let project: string;
let name: string;
let database: string | undefined;
let cluster: PodCluster | undefined;

beforeAll(async () => {
  lab = await useSurvivalLab();
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'diehard-surv-sessions-'));
  name = `todo-repl-${crypto.randomBytes(3).toString('hex')}`;
  project = path.join(work, 'project');
  await renderService(name, project, { withVolume: true });
  const war = await generatedWar(project, name);
  database = await createDatabase(lab.galera);
  cluster = await startPodCluster({
    lab,
    work,
    project,
    name,
    war,
    dbUrl: labDsn(generatedDsn(project), lab.galera, database),
  });
  // Only once every Tomcat has added the two others does a change reach all of them.
  await waitForLog(cluster.pods, MEMBER_ADDED, 2);
});

afterAll(async () => {
  await cluster?.stop();
  if (database) await sql(lab.galera, `DROP DATABASE IF EXISTS ${database}`);
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

describe('sessions of the generated service on the lab cluster', () => {
  it('schedules the 3 pods on 3 different nodes', () => {
    expect(new Set(cluster!.pods.map(p => p.node)).size).toBe(3);
  });

  it('has no sessions finding in the posture engine', () => {
    expect(findingsOf(scanProject(project), name, 'sessions')).toEqual([]);
  });

  it('keeps a session when the pod that created it is lost: the next pod carries on with the same count', async () => {
    const [a, b, c] = cluster!.pods;
    await withTomcatLogs(
      cluster!.pods.map(p => p.tomcat),
      async () => {
        const first = await visit(a);
        expect(first.status).toBe(200);
        expect(first.cookie).toMatch(/^JSESSIONID=/);

        const onB = await visit(b, first.cookie);
        expect(onB.body).toMatchObject({
          pod: b.name,
          visits: 2,
          firstPod: a.name,
        });

        await a.tomcat.stop();
        const onC = await eventually(
          () => visit(c, first.cookie),
          r => r.status === 200,
          30_000,
        );
        expect(onC.body).toEqual({
          pod: c.name,
          visits: 3,
          firstPod: a.name,
          pods: [a.name, b.name, c.name],
        });
      },
    );
  });
});
