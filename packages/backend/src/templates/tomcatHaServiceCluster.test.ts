import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { useLab } from '@diehard/lab';
import { startLabScaffolder } from './__testUtils__/labConfig';
import { writeFiles } from './__testUtils__/scaffolderDryRun';
import { eventually, request } from './__testUtils__/http';

/**
 * HTTP session replication as generated, for real: the service's manifests (and an
 * nfs-volume PersistentVolume for its claim) are applied to the lab's Kubernetes, whose
 * scheduler places the 3 pods on 3 nodes and KWOK gives them pod IPs on loopback. A real
 * Tomcat 10.1 runs on each pod IP with the generated server.xml: its
 * KubernetesMembershipProvider lists the pods through the lab's API server with a token
 * of the generated ServiceAccount (so the generated Role is what lets it), and the
 * generated DeltaManager replicates each session to the other pods.
 */
jest.setTimeout(900_000);

type Lab = Awaited<
  ReturnType<typeof useLab<'kubernetes' | 'galera' | 'tomcat'>>
>;
type Tomcat = Awaited<ReturnType<Lab['tomcat']>>;

const NAMESPACE = 'diehard-apps';
let lab: Lab;
let work: string;
let name: string;
const tomcats: Tomcat[] = [];
let pods: Array<{ name: string; ip: string; node: string; tomcat?: Tomcat }> =
  [];

function kubectl(args: string[]) {
  const r = spawnSync(
    lab.kubernetes.kubectl,
    ['--kubeconfig', lab.kubernetes.adminKubeconfig, ...args],
    { encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(`kubectl ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

async function render(template: string, values: Record<string, unknown>) {
  const { scaffolder } = await startLabScaffolder();
  try {
    const r = await scaffolder.dryRun(template, values);
    if (r.status !== 200) throw new Error(JSON.stringify(r.body));
    return r.files;
  } finally {
    await scaffolder.stop();
  }
}

beforeAll(async () => {
  lab = await useLab(['kubernetes', 'galera', 'tomcat']);
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'diehard-todo-cluster-'));
  name = `todo-repl-${crypto.randomBytes(3).toString('hex')}`;

  const service = path.join(work, 'service');
  writeFiles(
    service,
    await render('tomcat-ha-service', {
      name,
      owner: 'group:default/dev-team',
      cluster: 'lab',
      namespace: NAMESPACE,
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
    }),
  );
  const volume = path.join(work, 'volume');
  writeFiles(
    volume,
    await render('nfs-volume', {
      name: `${name}-attachments`,
      owner: 'group:default/ops-team',
      exportPath: `/exports/${name}`,
      size: '5Gi',
      format: 'xfs',
      cluster: 'lab',
      namespace: NAMESPACE,
      storageClass: 'nfs-ha',
      repoOwner: 'ops-team',
    }),
  );
  // The volume template's PersistentVolume; the service's own claim binds to it.
  const pv = fs
    .readFileSync(path.join(volume, 'k8s/volume.yaml'), 'utf8')
    .split(/^---$/m)[0];
  fs.writeFileSync(path.join(volume, 'pv.yaml'), pv);
  kubectl([
    'apply',
    '-f',
    path.join(volume, 'pv.yaml'),
    '-f',
    path.join(service, 'k8s'),
  ]);

  const war = path.join(service, 'target', 'ROOT.war');
  const mvn = spawnSync('mvn', ['-B', '-q', 'package', '-DskipTests'], {
    cwd: service,
    encoding: 'utf8',
    timeout: 600_000,
  });
  if (mvn.status !== 0)
    throw new Error(`mvn package failed:\n${mvn.stdout}\n${mvn.stderr}`);

  const listed = await eventually(
    async () =>
      JSON.parse(
        kubectl([
          'get',
          'pods',
          '-n',
          NAMESPACE,
          '-l',
          `app.kubernetes.io/name=${name}`,
          '-o',
          'json',
        ]),
      ).items as any[],
    items =>
      items.length === 3 &&
      items.every(p => p.status.phase === 'Running' && p.status.podIP),
    180_000,
  );
  pods = listed.map(p => ({
    name: p.metadata.name,
    ip: p.status.podIP,
    node: p.spec.nodeName,
  }));
  if (pods.length !== 3)
    throw new Error(
      `pods not running: ${JSON.stringify(listed.map(p => p.status))}`,
    );

  const token = path.join(work, 'token');
  fs.writeFileSync(
    token,
    kubectl([
      'create',
      'token',
      name,
      '-n',
      NAMESPACE,
      '--duration',
      '1h',
    ]).trim(),
  );
  const api = new URL(lab.kubernetes.server);
  const serverXml = fs.readFileSync(
    path.join(service, 'tomcat/conf/server.xml'),
    'utf8',
  );
  const deployment = fs.readFileSync(
    path.join(service, 'k8s/deployment.yaml'),
    'utf8',
  );
  const labels = deployment.match(
    /- name: KUBERNETES_LABELS\n\s+value: (.*)/,
  )![1];
  const database = lab.galera;

  for (const pod of pods) {
    const base = path.join(work, pod.name);
    fs.mkdirSync(path.join(base, 'conf'), { recursive: true });
    fs.mkdirSync(path.join(base, 'webapps'), { recursive: true });
    fs.copyFileSync(war, path.join(base, 'webapps', 'ROOT.war'));
    // In a pod, the connector and the receiver ("auto") take the pod's address; here
    // several pods share one machine, so each listens on its own pod IP.
    fs.writeFileSync(
      path.join(base, 'conf', 'server.xml'),
      serverXml
        .replace(
          '<Connector port="8080"',
          `<Connector address="${pod.ip}" port="8080"`,
        )
        .replace('address="auto"', `address="${pod.ip}"`),
    );
    // The membership provider recognises itself by its host's address: the pod IP.
    const hosts = path.join(base, 'hosts');
    fs.writeFileSync(
      hosts,
      `127.0.0.1 localhost\n${pod.ip} ${os.hostname()}\n`,
    );
    pod.tomcat = await lab.tomcat({
      host: pod.ip,
      port: 8080,
      catalinaBase: base,
      javaOpts: [`-Djdk.net.hosts.file=${hosts}`],
      env: {
        POD_NAME: pod.name,
        // What the Deployment gives each pod: namespace (downward API), labels, API server, token.
        KUBERNETES_NAMESPACE: NAMESPACE,
        KUBERNETES_LABELS: labels,
        KUBERNETES_SERVICE_HOST: api.hostname,
        KUBERNETES_SERVICE_PORT: api.port,
        KUBERNETES_CA_CERTIFICATE_FILE: lab.kubernetes.caFile,
        SA_TOKEN_FILE: token,
        DB_URL: `jdbc:mariadb:sequential://${database.nodes
          .map(n => `${n.host}:${n.port}`)
          .join(',')}/${
          database.database
        }?connectTimeout=3000&transactionReplay=true`,
        DB_USER: database.user,
        DB_PASSWORD: database.password,
        ATTACHMENTS_DIR: path.join(work, 'attachments'),
      },
    });
    tomcats.push(pod.tomcat);
  }
  for (const pod of pods) {
    await eventually(
      () => request(`${pod.tomcat!.url}/health/live`),
      r => r.status === 200,
      120_000,
    );
  }
  // Membership polls the API server: only once every Tomcat has added the two others
  // does a session change reach all of them (a member found later misses it).
  for (const t of tomcats) {
    const members = await eventually(
      async () =>
        (
          fs
            .readFileSync(t.logFile, 'utf8')
            .match(/Replication member added/g) ?? []
        ).length,
      added => added >= 2,
      90_000,
    );
    if (members < 2) {
      throw new Error(
        `${path.basename(
          t.catalinaBase,
        )} found ${members} of its 2 peers within 90 s`,
      );
    }
  }
});

afterAll(async () => {
  if (process.env.DIEHARD_KEEP_LOGS) {
    for (const t of tomcats) {
      fs.copyFileSync(
        t.logFile,
        path.join(
          process.env.DIEHARD_KEEP_LOGS,
          `${path.basename(t.catalinaBase)}.log`,
        ),
      );
    }
  }
  for (const t of tomcats) await t.stop().catch(() => undefined);
  if (name) {
    spawnSync(lab.kubernetes.kubectl, [
      '--kubeconfig',
      lab.kubernetes.adminKubeconfig,
      'delete',
      '-f',
      path.join(work, 'service', 'k8s'),
      '-f',
      path.join(work, 'volume', 'pv.yaml'),
      '--wait=false',
      '--ignore-not-found',
    ]);
  }
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

const visit = async (pod: (typeof pods)[number], cookie?: string) => {
  const r = await request(`${pod.tomcat!.url}/session`, {
    headers: cookie ? { cookie } : {},
  });
  return {
    status: r.status,
    cookie: r.headers['set-cookie'],
    body: r.status === 200 ? JSON.parse(r.body) : r.body,
  };
};

describe('tomcat-ha-service sessions on the lab cluster', () => {
  it('schedules the 3 pods on 3 different nodes', () => {
    expect(new Set(pods.map(p => p.node)).size).toBe(3);
  });

  it('replicates a session to the other pods, and it survives the pod that created it', async () => {
    const [a, b, c] = pods;
    const first = await visit(a);
    expect(first.status).toBe(200);
    const cookie = String(first.cookie).split(';')[0];
    expect(cookie).toMatch(/^JSESSIONID=/);

    // Once the members have found each other (membership polls the API server), B knows it.
    const onB = await eventually(
      () => visit(b, cookie),
      r => r.status === 200 && r.body.firstPod === a.name,
      90_000,
    );
    expect(onB.body).toMatchObject({ pod: b.name, firstPod: a.name });
    const visitsOnB = onB.body.visits;
    expect(visitsOnB).toBeGreaterThanOrEqual(2);

    // The pod that created the session goes away: C carries on with the same count.
    await a.tomcat!.stop();
    const onC = await eventually(
      () => visit(c, cookie),
      r => r.status === 200 && r.body.firstPod === a.name,
      30_000,
    );
    expect(onC.body.pod).toBe(c.name);
    expect(onC.body.visits).toBe(visitsOnB + 1);
    expect(onC.body.pods.slice(-2)).toEqual([b.name, c.name]);
  });
});
