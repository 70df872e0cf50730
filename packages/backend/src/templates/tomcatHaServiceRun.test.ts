import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import YAML from 'yaml';
import { ensurePlatformImages, freePort, useLab } from '@diehard/lab';
import { BackendProcess } from '../__testUtils__/startBackendProcess';
import { startLabPortal } from '../__testUtils__/startLabPortal';
import { guestToken } from '../__testUtils__/guestSession';
import { request } from './__testUtils__/http';
import { runTemplateTask, TaskRun } from './__testUtils__/scaffolderTask';
import {
  NAMESPACE,
  serviceObjects,
  tomcatHaServiceValues,
} from './__testUtils__/tomcatHaServiceValues';

/**
 * The whole of tomcat-ha-service, as a developer runs it from the portal: the real
 * backend (app-config.yaml + app-config.lab.yaml) gets a task for the template; the
 * scaffolder generates the project, grades it, builds its image with buildah from the
 * platform base images in the lab's registry (Maven runs inside the build), pushes it,
 * applies the manifests to the lab's Kubernetes, pushes the repository to the lab's
 * git server and registers the entity from there.
 */
jest.setTimeout(45 * 60_000);

type Lab = Awaited<
  ReturnType<typeof useLab<'kubernetes' | 'registry' | 'git'>>
>;

const STEPS = [
  'target',
  'check-publish',
  'check-name',
  'preflight',
  'fetch',
  'posture',
  'build',
  'push',
  'deploy',
  'publish',
  'register',
  'catalog-ready',
];

let lab: Lab;
let work: string;
let backend: BackendProcess | undefined;
let token: string;
let task: TaskRun;
const name = `todo-run-${crypto.randomBytes(3).toString('hex')}`;
const repoOwner = 'dev-team';

function kubectl(args: string[], input?: string) {
  const r = spawnSync(
    lab.kubernetes.kubectl,
    ['--kubeconfig', lab.kubernetes.adminKubeconfig, ...args],
    { encoding: 'utf8', input },
  );
  if (r.status !== 0) throw new Error(`kubectl ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

/** Git with the server's credentials in the environment (never in argv or a URL). */
function git(args: string[], cwd?: string) {
  const basic = Buffer.from(`${lab.git.username}:${lab.git.password}`).toString(
    'base64',
  );
  const r = spawnSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_TERMINAL_PROMPT: '0',
      GIT_CONFIG_COUNT: '1',
      GIT_CONFIG_KEY_0: 'http.extraHeader',
      GIT_CONFIG_VALUE_0: `Authorization: Basic ${basic}`,
    },
  });
  if (r.status !== 0) throw new Error(`git ${args[0]}: ${r.stderr}`);
  return r.stdout;
}

/** A GET on the lab registry (its CA, its credentials). */
function registryGet(
  urlPath: string,
  accept: string,
): Promise<{ status: number; headers: any; body: Buffer }> {
  const r = lab.registry;
  return new Promise((resolve, reject) => {
    https
      .get(
        `${r.url}${urlPath}`,
        {
          ca: r.caPem,
          headers: {
            Accept: accept,
            Authorization: `Basic ${Buffer.from(
              `${r.username}:${r.password}`,
            ).toString('base64')}`,
          },
        },
        res => {
          const chunks: Buffer[] = [];
          res.on('data', c => chunks.push(c));
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              headers: res.headers,
              body: Buffer.concat(chunks),
            }),
          );
        },
      )
      .on('error', reject);
  });
}

const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';

async function catalogGet(urlPath: string) {
  const response = await fetch(`${backend!.baseUrl}/api/catalog${urlPath}`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  return {
    status: response.status,
    body: response.ok ? await response.json() : await response.text(),
  };
}

/** The catalog processes a new location in the background: wait until it lists `ref`. */
async function untilInCatalog(ref: string, timeoutMs: number) {
  const [kind, entityName] = ref.split(':default/');
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const r = await catalogGet(
      `/entities/by-name/${kind}/default/${entityName}`,
    );
    if (r.status === 200) return r;
    if (Date.now() > deadline)
      throw new Error(
        `the catalog did not list ${ref} within ${timeoutMs} ms (last answer ${r.status})`,
      );
    await new Promise(res => setTimeout(res, 500));
  }
}

beforeAll(async () => {
  lab = await useLab(['kubernetes', 'registry', 'git']);
  // The base images the generated Dockerfile starts FROM.
  await ensurePlatformImages(lab.registry);
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'diehard-todo-run-'));

  const port = await freePort();
  backend = await startLabPortal({ lab, port, workDir: work });
  token = await guestToken(backend.baseUrl);
  await untilInCatalog('template:default/tomcat-ha-service', 120_000);

  const tail = (n: number) =>
    backend!.output().split('\n').slice(-n).join('\n');
  task = await runTemplateTask({
    baseUrl: backend.baseUrl,
    token,
    templateRef: 'template:default/tomcat-ha-service',
    values: {
      ...tomcatHaServiceValues(name),
      description: 'The todo service, from the portal to the lab.',
      repoOwner,
    },
    timeoutMs: 40 * 60_000,
    onLog: process.env.DIEHARD_TASK_LOG
      ? line => process.stderr.write(`${line}\n`)
      : undefined,
  }).catch(e => {
    throw new Error(
      `following the task failed: ${
        e.message
      }\n--- backend output (last 30 lines) ---\n${tail(30)}`,
    );
  });
  process.stderr.write(`step durations (s): ${JSON.stringify(task.seconds)}\n`);
  if (task.status !== 'completed') {
    throw new Error(
      `the task ended ${task.status}; steps ${JSON.stringify(
        task.steps,
      )}\n--- task log (last 60 lines) ---\n${task.log
        .slice(-60)
        .join('\n')}\n--- backend output (last 30 lines) ---\n${tail(30)}`,
    );
  }
});

afterAll(async () => {
  await backend?.stop();
  if (lab) {
    for (const kind of [
      'deployment',
      'service',
      'poddisruptionbudget',
      'horizontalpodautoscaler',
      'networkpolicy',
      'ingress',
      'rolebinding',
      'role',
      'serviceaccount',
      'persistentvolumeclaim',
    ]) {
      kubectl([
        'delete',
        kind,
        '-n',
        NAMESPACE,
        '-l',
        `app.kubernetes.io/name=${name}`,
        '--ignore-not-found',
        '--wait=false',
      ]);
    }
  }
  if (lab) {
    fs.rmSync(path.join(lab.git.projectRoot, repoOwner, `${name}.git`), {
      recursive: true,
      force: true,
    });
  }
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

it('runs every step of the template', () => {
  expect(task.steps).toEqual(
    Object.fromEntries(STEPS.map(s => [s, 'completed'])),
  );
});

it('publishes a repository that clones back with the generated project', () => {
  const clone = path.join(work, 'clone');
  git(['clone', '--quiet', `${lab.git.url}/${repoOwner}/${name}.git`, clone]);
  for (const file of [
    'Dockerfile',
    'pom.xml',
    'catalog-info.yaml',
    'k8s/deployment.yaml',
    'tomcat/conf/server.xml',
    'src/main/java/io/diehard/todo/App.java',
  ]) {
    expect(fs.existsSync(path.join(clone, file))).toBe(true);
  }
  expect(git(['rev-parse', '--abbrev-ref', 'HEAD'], clone).trim()).toBe('main');
  expect(
    YAML.parse(fs.readFileSync(path.join(clone, 'catalog-info.yaml'), 'utf8'))
      .metadata.name,
  ).toBe(name);
  // What the scaffolder built is not part of the source.
  expect(fs.existsSync(path.join(clone, 'image'))).toBe(false);
  expect(fs.existsSync(path.join(clone, 'target'))).toBe(false);
});

it('pushes an image built on the platform Tomcat image, pullable by digest', async () => {
  // The task's output names the pinned image ("Image host/apps/name@sha256:…").
  const reference: string = JSON.stringify(task.output).match(
    new RegExp(`${lab.registry.host}/apps/${name}@sha256:[0-9a-f]{64}`),
  )![0];
  const digest = reference.split('@')[1];
  const manifest = await registryGet(
    `/v2/apps/${name}/manifests/${digest}`,
    OCI_MANIFEST,
  );
  expect(manifest.status).toBe(200);
  expect(crypto.createHash('sha256').update(manifest.body).digest('hex')).toBe(
    digest.slice('sha256:'.length),
  );
  const image = JSON.parse(manifest.body.toString());
  const config = await registryGet(
    `/v2/apps/${name}/blobs/${image.config.digest}`,
    '*/*',
  );
  const { config: settings, rootfs } = JSON.parse(config.body.toString());
  expect(settings.Labels['org.opencontainers.image.title']).toBe(name);
  expect(settings.User).toBe('10001:10001');
  expect(settings.Env).toContain('CATALINA_HOME=/usr/local/tomcat');

  // Its first layer is the platform Tomcat image's (same content; buildah
  // recompresses it, so the uncompressed digests are compared).
  const base = JSON.parse(
    (
      await registryGet(
        '/v2/platform/tomcat/manifests/10.1-jre17',
        OCI_MANIFEST,
      )
    ).body.toString(),
  );
  const baseConfig = JSON.parse(
    (
      await registryGet(
        `/v2/platform/tomcat/blobs/${base.config.digest}`,
        '*/*',
      )
    ).body.toString(),
  );
  expect(rootfs.diff_ids[0]).toBe(baseConfig.rootfs.diff_ids[0]);
  expect(rootfs.diff_ids.length).toBeGreaterThan(1);
});

it('runs the service on three distinct nodes with the pushed image', () => {
  const deployment = JSON.parse(
    kubectl(['get', 'deployment', name, '-n', NAMESPACE, '-o', 'json']),
  );
  const image: string = deployment.spec.template.spec.containers[0].image;
  expect(image).toMatch(
    new RegExp(`^${lab.registry.host}/apps/${name}@sha256:[0-9a-f]{64}$`),
  );
  // Its attachments claim bound with no volume made by hand (the lab's nfs-ha class).
  const [claim] = serviceObjects(kubectl, 'persistentvolumeclaims', name);
  expect(claim.spec.storageClassName).toBe('nfs-ha');
  expect(claim.status.phase).toBe('Bound');
  const pods = serviceObjects(kubectl, 'pods', name);
  const running = pods.filter(p => p.status.phase === 'Running');
  expect(running).toHaveLength(3);
  expect(new Set(running.map(p => p.spec.nodeName)).size).toBe(3);
  for (const pod of running) {
    expect(pod.spec.containers[0].image).toBe(image);
  }
  for (const kind of [
    'service',
    'poddisruptionbudget',
    'horizontalpodautoscaler',
    'networkpolicy',
    'persistentvolumeclaim',
  ]) {
    const items = serviceObjects(kubectl, kind, name);
    expect({ kind, present: items.length > 0 }).toEqual({
      kind,
      present: true,
    });
  }
});

it('registers the entity in the catalog from the git server, there when the run ends', async () => {
  // The run waited for the catalog to process its location: no waiting here.
  const entity = await catalogGet(
    `/entities/by-name/component/default/${name}`,
  );
  expect(entity.status).toBe(200);
  expect(entity.body.spec.owner).toBe('group:default/dev-team');
  const location: string =
    entity.body.metadata.annotations['backstage.io/managed-by-location'];
  expect(location).toMatch(
    new RegExp(
      `^url:${lab.git.url}/${repoOwner}/${name}/raw/main/catalog-info\\.yaml$`,
    ),
  );
  // What the catalog read: the raw file on the git server (no credentials needed).
  const served = await request(location.slice('url:'.length));
  expect(served.status).toBe(200);
  expect(YAML.parse(served.body).metadata.name).toBe(name);
});

it("offers the lab to the form's cluster picker by its title, and nothing of how it is reached", async () => {
  const response = await fetch(
    `${backend!.baseUrl}/api/scaffolder/diehard/targets`,
    { headers: { Authorization: `Bearer ${token}` } },
  );
  expect(response.status).toBe(200);
  const text = await response.text();
  expect(JSON.parse(text)).toEqual({
    clusters: [
      {
        name: 'lab',
        title: 'HA lab',
        namespaces: [NAMESPACE],
        kinds: expect.arrayContaining(['Deployment', 'Service']),
      },
    ],
  });
  expect(text).not.toContain(lab.kubernetes.portal.token);
  expect(text).not.toContain(lab.kubernetes.server);
});

it.each([
  [
    'a cluster outside the configuration',
    { cluster: 'prod' },
    'cluster "prod" is not a cluster templates may deploy to (open to you: lab; see diehard.apply.clusters)',
  ],
  [
    'a storage class the cluster does not have',
    { storageClass: 'nfs-hq' },
    'storage class "nfs-hq" does not exist on cluster "lab" (',
  ],
  [
    'the host name of the service running already',
    { ingressHost: `${name}.apps.example.org` },
    `host "${name}.apps.example.org" is already served by Ingress ${NAMESPACE}/${name} on cluster "lab" (`,
  ],
])(
  'refuses %s at its first step: nothing built, pushed, applied or published',
  async (_d, values, reason) => {
    const other = `${name}-x`;
    const refused = await runTemplateTask({
      baseUrl: backend!.baseUrl,
      token,
      templateRef: 'template:default/tomcat-ha-service',
      values: { ...tomcatHaServiceValues(other), ...values, repoOwner },
      timeoutMs: 120_000,
    });
    expect(refused.status).toBe('failed');
    expect(refused.steps).toEqual({
      target: 'failed',
      ...Object.fromEntries(STEPS.slice(1).map(s => [s, 'skipped'])),
    });
    expect(refused.log.join('\n')).toContain(reason);
    expect(
      fs.existsSync(path.join(lab.git.projectRoot, repoOwner, `${other}.git`)),
    ).toBe(false);
    expect(serviceObjects(kubectl, 'deployment', other)).toEqual([]);
    const tags = await registryGet(
      `/v2/apps/${other}/tags/list`,
      'application/json',
    );
    expect(tags.status).toBe(404);
  },
);

it('refuses the same service a second time at its second step: the running one untouched, nothing built', async () => {
  const deployment = () =>
    JSON.parse(
      kubectl(['get', 'deployment', name, '-n', NAMESPACE, '-o', 'json']),
    );
  const before = deployment();
  const again = await runTemplateTask({
    baseUrl: backend!.baseUrl,
    token,
    templateRef: 'template:default/tomcat-ha-service',
    values: { ...tomcatHaServiceValues(name), repoOwner },
    timeoutMs: 120_000,
  });
  expect(again.status).toBe('failed');
  expect(again.steps).toEqual({
    target: 'completed',
    'check-publish': 'failed',
    ...Object.fromEntries(STEPS.slice(2).map(s => [s, 'skipped'])),
  });
  expect(again.log.join('\n')).toMatch(
    new RegExp(
      `/${repoOwner}/${name}\\.git already has a branch "main" \\(commit [0-9a-f]{12}\\): choose another name, or delete that repository first; nothing was built or deployed`,
    ),
  );
  const after = deployment();
  expect(after.metadata.generation).toBe(before.metadata.generation);
  expect(after.spec.template.spec.containers[0].image).toBe(
    before.spec.template.spec.containers[0].image,
  );
});

it("refuses another team's service of the same name at the catalog check: nothing built, the running one untouched", async () => {
  const otherOwner = `${repoOwner}-other`;
  const before = JSON.parse(
    kubectl(['get', 'deployment', name, '-n', NAMESPACE, '-o', 'json']),
  );
  const refused = await runTemplateTask({
    baseUrl: backend!.baseUrl,
    token,
    templateRef: 'template:default/tomcat-ha-service',
    values: { ...tomcatHaServiceValues(name), repoOwner: otherOwner },
    timeoutMs: 120_000,
  });
  expect(refused.status).toBe('failed');
  expect(refused.steps).toEqual({
    target: 'completed',
    'check-publish': 'completed',
    'check-name': 'failed',
    ...Object.fromEntries(STEPS.slice(3).map(s => [s, 'skipped'])),
  });
  expect(refused.log.join('\n')).toContain(
    `component:default/${name} is already in the catalog: another service has that name; choose another name (nothing was built or deployed)`,
  );
  expect(
    fs.existsSync(path.join(lab.git.projectRoot, otherOwner, `${name}.git`)),
  ).toBe(false);
  const after = JSON.parse(
    kubectl(['get', 'deployment', name, '-n', NAMESPACE, '-o', 'json']),
  );
  expect(after.metadata.generation).toBe(before.metadata.generation);
});

it('refuses the attachments volume on a class whose volumes live on one node at the posture step, naming the class: nothing built, pushed or applied', async () => {
  const other = `${name}-local`;
  const refused = await runTemplateTask({
    baseUrl: backend!.baseUrl,
    token,
    templateRef: 'template:default/tomcat-ha-service',
    values: {
      ...tomcatHaServiceValues(other),
      storageClass: 'local-ssd',
      repoOwner,
    },
    timeoutMs: 120_000,
  });
  expect(refused.status).toBe('failed');
  expect(refused.steps).toEqual({
    ...Object.fromEntries(STEPS.slice(0, 5).map(s => [s, 'completed'])),
    posture: 'failed',
    ...Object.fromEntries(STEPS.slice(6).map(s => [s, 'skipped'])),
  });
  const log = refused.log.join('\n');
  expect(log).toContain(
    'storage classes on cluster "lab" (HA lab), judged with the claims: local-ssd (rancher.io/local-path), nfs-ha (diehard.io/nfs-ha-stand-in)',
  );
  expect(log).toMatch(
    new RegExp(
      `CRITICAL \\[storage/storage-node-local-volume\\] Deployment ${other} keeps its data on PersistentVolumeClaim ${other}-attachments, served by StorageClass local-ssd`,
    ),
  );
  expect(log).toMatch(
    new RegExp(
      `HA posture grade [B-F] is below the minimum A \\(Deployment ${NAMESPACE}/${other} [B-F]\\)`,
    ),
  );
  expect(serviceObjects(kubectl, 'deployment', other)).toEqual([]);
  expect(serviceObjects(kubectl, 'persistentvolumeclaim', other)).toEqual([]);
  const tags = await registryGet(
    `/v2/apps/${other}/tags/list`,
    'application/json',
  );
  expect(tags.status).toBe(404);
});
