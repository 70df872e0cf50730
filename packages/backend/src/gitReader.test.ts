import { execFile } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, useLab } from '@diehard/lab';
import {
  BackendProcess,
  startBackendProcess,
} from './__testUtils__/startBackendProcess';
import { guestToken } from './__testUtils__/guestSession';

/**
 * The portal as `scripts/start.sh --lab` runs it (app-config.yaml +
 * app-config.lab.yaml): a repository on the lab's git server is registered in the
 * catalog by its raw catalog-info.yaml URL, as the template's catalog:register step
 * does, and its HA posture is read from its k8s/ folder through the Diehard git
 * reader before anything is deployed.
 */
jest.setTimeout(300_000);

const corpus = path.resolve(
  require.resolve('@diehard/plugin-ha-posture-common/package.json'),
  '../corpus/service/eni-todo-ha',
);

type Lab = Awaited<
  ReturnType<typeof useLab<'kubernetes' | 'registry' | 'git'>>
>;

const name = `todo-git-${crypto.randomBytes(3).toString('hex')}`;
const owner = `reader-${name}`;

let lab: Lab;
let work: string;
let backend: BackendProcess | undefined;

function git(args: string[], cwd: string) {
  return new Promise<void>((resolve, reject) =>
    execFile(
      'git',
      args,
      {
        cwd,
        env: {
          ...process.env,
          GIT_TERMINAL_PROMPT: '0',
          GIT_CONFIG_NOSYSTEM: '1',
          GIT_CONFIG_GLOBAL: '/dev/null',
          GIT_AUTHOR_NAME: 'Dev',
          GIT_AUTHOR_EMAIL: 'dev@example.com',
          GIT_COMMITTER_NAME: 'Dev',
          GIT_COMMITTER_EMAIL: 'dev@example.com',
        },
      },
      (error, _stdout, stderr) =>
        error ? reject(new Error(`git ${args[0]}: ${stderr}`)) : resolve(),
    ),
  );
}

async function api(route: string, init?: RequestInit) {
  const token = await guestToken(backend!.baseUrl);
  return fetch(`${backend!.baseUrl}${route}`, {
    ...init,
    headers: {
      Authorization: `Bearer ${token}`,
      'Content-Type': 'application/json',
      ...init?.headers,
    },
  });
}

beforeAll(async () => {
  lab = await useLab(['kubernetes', 'registry', 'git']);
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'diehard-git-reader-'));

  // The repository as the template publishes it: catalog-info.yaml + k8s/.
  const src = path.join(work, 'src');
  fs.mkdirSync(path.join(src, 'k8s'), { recursive: true });
  fs.writeFileSync(
    path.join(src, 'catalog-info.yaml'),
    [
      'apiVersion: backstage.io/v1alpha1',
      'kind: Component',
      'metadata:',
      `  name: ${name}`,
      '  annotations:',
      `    backstage.io/kubernetes-id: ${name}`,
      `    backstage.io/kubernetes-namespace: not-deployed-${name}`,
      '    diehard.io/manifests-path: k8s',
      'spec:',
      '  type: service',
      '  lifecycle: experimental',
      '  owner: group:dev-team',
      '',
    ].join('\n'),
  );
  for (const file of fs.readdirSync(corpus)) {
    if (/^\d\d-.*\.yaml$/.test(file)) {
      fs.copyFileSync(path.join(corpus, file), path.join(src, 'k8s', file));
    }
  }
  const remote = new URL(`${lab.git.url}/${owner}/${name}.git`);
  remote.username = lab.git.username;
  remote.password = lab.git.password;
  await git(['init', '-q', '-b', 'main'], src);
  await git(['add', '-A'], src);
  await git(['commit', '-q', '-m', 'Initial commit'], src);
  await git(['push', '-q', remote.toString(), 'main'], src);

  const k = lab.kubernetes;
  const r = lab.registry;
  const port = await freePort();
  backend = await startBackendProcess({
    port,
    configFiles: ['app-config.yaml', 'app-config.lab.yaml'],
    // What `scripts/start.sh --lab` exports from `yarn lab env`.
    env: {
      DIEHARD_KUBERNETES_SERVER: k.server,
      DIEHARD_KUBERNETES_PORTAL_TOKEN: k.portal.token,
      DIEHARD_KUBERNETES_CA_FILE: k.caFile,
      DIEHARD_REGISTRY_HOST: r.host,
      DIEHARD_REGISTRY_USERNAME: r.username,
      DIEHARD_REGISTRY_PASSWORD: r.password,
      DIEHARD_REGISTRY_CA_FILE: r.caFile,
      DIEHARD_GIT_HOST: lab.git.host,
      DIEHARD_GIT_URL: lab.git.url,
      DIEHARD_GIT_USERNAME: lab.git.username,
      DIEHARD_GIT_PASSWORD: lab.git.password,
    },
    overrides: {
      backend: {
        database: {
          client: 'better-sqlite3',
          connection: { directory: path.join(work, 'sqlite') },
        },
      },
    },
  });
});

afterAll(async () => {
  await backend?.stop();
  if (work) fs.rmSync(work, { recursive: true, force: true });
  if (lab) {
    fs.rmSync(path.join(lab.git.projectRoot, owner), {
      recursive: true,
      force: true,
    });
  }
});

it('registers a repository of the lab git server and grades it from its manifests before deploy', async () => {
  const catalogInfoUrl = `${lab.git.url}/${owner}/${name}/raw/main/catalog-info.yaml`;
  const created = await api('/api/catalog/locations', {
    method: 'POST',
    body: JSON.stringify({ type: 'url', target: catalogInfoUrl }),
  });
  expect(created.status).toBe(201);

  let entity: any;
  const deadline = Date.now() + 120_000;
  while (!entity && Date.now() < deadline) {
    const res = await api(
      `/api/catalog/entities/by-name/component/default/${name}`,
    );
    if (res.ok) entity = await res.json();
    else await new Promise(resolve => setTimeout(resolve, 500));
  }
  expect(entity?.metadata.annotations['backstage.io/managed-by-location']).toBe(
    `url:${catalogInfoUrl}`,
  );

  const posture = await api(
    `/api/ha-posture/entities/component/default/${name}/refresh`,
    { method: 'POST' },
  );
  const body = await posture.json();
  expect({ status: posture.status, source: body.source }).toEqual({
    status: 200,
    source: {
      type: 'manifests',
      location: `${lab.git.url}/${owner}/${name}/raw/main/k8s`,
    },
  });
  expect(body.grade).toBe('A');
  // The password of diehard.git.servers is nowhere in what the backend printed.
  expect(backend!.output()).not.toContain(lab.git.password);
});
