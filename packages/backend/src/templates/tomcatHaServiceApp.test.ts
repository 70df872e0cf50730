import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { useLab } from '@diehard/lab';
import { startLabScaffolder } from './__testUtils__/labConfig';
import { writeFiles } from './__testUtils__/scaffolderDryRun';
import { eventually, multipart, request } from './__testUtils__/http';

/**
 * The application the template generates, built with Maven and run on the lab's real
 * Tomcat 10.1 against the lab's real 3-node Galera cluster: two "pods" sharing one
 * attachments directory (standing in for the NFS volume), the DSN listing every node.
 */
jest.setTimeout(900_000);

type Lab = Awaited<ReturnType<typeof useLab<'galera' | 'tomcat'>>>;
type Tomcat = Awaited<ReturnType<Lab['tomcat']>>;

let lab: Lab;
let work: string;
let database: string;
let dbUrl: string;
const tomcats: Tomcat[] = [];
let podA: Tomcat;
let podB: Tomcat;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

function sql(statement: string) {
  const node = lab.galera.nodes[1];
  const r = spawnSync(
    'mariadb',
    [
      '-h',
      node.host,
      '-P',
      String(node.port),
      '-u',
      lab.galera.user,
      '-e',
      statement,
    ],
    {
      env: { ...process.env, MYSQL_PWD: lab.galera.password },
      encoding: 'utf8',
    },
  );
  if (r.status !== 0) throw new Error(`mariadb: ${r.stderr}`);
  return r.stdout;
}

async function startPod(
  name: string,
  war: string,
  url: string,
  attachments: string,
) {
  const base = path.join(work, name);
  fs.mkdirSync(path.join(base, 'webapps'), { recursive: true });
  fs.copyFileSync(war, path.join(base, 'webapps', 'ROOT.war'));
  const tomcat = await lab.tomcat({
    host: '127.0.0.1',
    port: await freePort(),
    catalinaBase: base,
    env: {
      POD_NAME: name,
      DB_URL: url,
      DB_USER: lab.galera.user,
      DB_PASSWORD: lab.galera.password,
      ATTACHMENTS_DIR: attachments,
    },
  });
  tomcats.push(tomcat);
  // The connector answers before the WAR is deployed: wait for the application.
  await eventually(
    () => request(`${tomcat.url}/health/live`),
    r => r.status === 200,
    120_000,
  );
  return tomcat;
}

beforeAll(async () => {
  lab = await useLab(['galera', 'tomcat']);
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'diehard-todo-app-'));

  const { scaffolder } = await startLabScaffolder();
  let files;
  try {
    const r = await scaffolder.dryRun('tomcat-ha-service', {
      name: 'todo-web',
      owner: 'group:default/dev-team',
      cluster: 'lab',
      namespace: 'diehard-apps',
      replicas: 3,
      sessionManager: 'DeltaManager',
      galeraService: 'galera',
      galeraNodes: 3,
      databaseName: 'todo',
      storageClass: 'nfs-ha',
      storageSize: '5Gi',
      ingressHost: 'todo.apps.example.org',
      tlsSecret: 'todo-tls',
      repoOwner: 'dev-team',
    });
    if (r.status !== 200) throw new Error(JSON.stringify(r.body));
    files = r.files;
  } finally {
    await scaffolder.stop();
  }
  const project = path.join(work, 'project');
  writeFiles(project, files);
  // Unit tests run in tomcatHaService.test.ts; here only the WAR is needed.
  const mvn = spawnSync('mvn', ['-B', '-q', 'package', '-DskipTests'], {
    cwd: project,
    encoding: 'utf8',
    timeout: 600_000,
  });
  if (mvn.status !== 0)
    throw new Error(`mvn package failed:\n${mvn.stdout}\n${mvn.stderr}`);

  database = `diehard_tpl_${crypto.randomBytes(4).toString('hex')}`;
  sql(`CREATE DATABASE ${database}`);
  // The generated DSN's shape (every node, failover order), with the lab's addresses.
  dbUrl = `jdbc:mariadb:sequential://${lab.galera.nodes
    .map(n => `${n.host}:${n.port}`)
    .join(',')}/${database}?connectTimeout=3000&transactionReplay=true`;
  const attachments = path.join(work, 'shared-attachments');
  fs.mkdirSync(attachments);
  const war = path.join(project, 'target', 'ROOT.war');
  podA = await startPod('todo-web-a', war, dbUrl, attachments);
  podB = await startPod('todo-web-b', war, dbUrl, attachments);
});

afterAll(async () => {
  if (process.env.DIEHARD_KEEP_LOGS) {
    for (const t of tomcats)
      fs.copyFileSync(
        t.logFile,
        path.join(
          process.env.DIEHARD_KEEP_LOGS,
          `${path.basename(t.catalinaBase)}.log`,
        ),
      );
  }
  for (const t of tomcats) await t.stop().catch(() => undefined);
  if (database) sql(`DROP DATABASE IF EXISTS ${database}`);
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

const addTodo = async (pod: Tomcat, title: string, attachment?: Buffer) => {
  const form = multipart(
    { title },
    attachment
      ? { field: 'attachment', name: 'notes.txt', content: attachment }
      : undefined,
  );
  return request(`${pod.url}/`, {
    method: 'POST',
    headers: { 'content-type': form.contentType },
    body: form.body,
  });
};

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
    const content = crypto.randomBytes(2048);
    const added = await addTodo(
      podA,
      'Replace the <b>UPS</b> battery',
      content,
    );
    expect(added.status).toBe(302);
    const page = await request(`${podB.url}/`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('Served by pod <b>todo-web-b</b>');
    expect(page.body).toContain('Replace the &lt;b&gt;UPS&lt;/b&gt; battery');
    const id = page.body.match(/href="attachments\/([0-9a-f-]{36})"/)![1];
    const download = await request(`${podB.url}/attachments/${id}`);
    expect(download.status).toBe(200);
    const file = download.raw;
    expect(file.equals(content)).toBe(true);
    expect(sql(`SELECT title FROM ${database}.todo`)).toContain('UPS');
    // Paths that are not generated ids are never served.
    for (const bad of ['..%2F..%2Fetc%2Fpasswd', 'notes.txt', `${id}.bak`]) {
      expect([400, 404]).toContain(
        (await request(`${podB.url}/attachments/${bad}`)).status,
      );
    }
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

  it('keeps working when the first Galera node of the DSN dies (the driver fails over)', async () => {
    await lab.galera.kill(0);
    try {
      // Galera needs a few seconds to evict the dead node (its view change); a user
      // retrying the form meanwhile gets 503, then it works without any restart.
      const killed = Date.now();
      const added = await eventually(
        () => addTodo(podA, 'written while galera-0 is down'),
        r => r.status === 302,
        30_000,
      );
      // eslint-disable-next-line no-console
      console.info(
        `first write accepted ${
          Date.now() - killed
        } ms after galera-0 was killed`,
      );
      expect(added.status).toBe(302);
      const page = await request(`${podB.url}/`);
      expect(page.status).toBe(200);
      expect(page.body).toContain('written while galera-0 is down');
      expect((await request(`${podA.url}/health/ready`)).status).toBe(200);
    } finally {
      await lab.galera.restart(0);
    }
  });

  it('a pod that cannot reach the database is alive but not ready', async () => {
    const closed = await freePort();
    const pod = await startPod(
      'todo-web-nodb',
      path.join(work, 'project', 'target', 'ROOT.war'),
      `jdbc:mariadb://127.0.0.1:${closed}/todo?connectTimeout=500`,
      path.join(work, 'shared-attachments'),
    );
    expect((await request(`${pod.url}/health/live`)).status).toBe(200);
    const ready = await request(`${pod.url}/health/ready`);
    expect(ready.status).toBe(503);
    expect(JSON.parse(ready.body)).toMatchObject({
      status: 'DOWN',
      database: false,
    });
  });
});
