import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, labGitRepo, useLab } from '@diehard/lab';
import { BackendProcess } from './__testUtils__/startBackendProcess';
import { startLabPortal } from './__testUtils__/startLabPortal';
import { guestToken } from './__testUtils__/guestSession';

/**
 * The portal as `scripts/start.sh` runs it (app-config.yaml +
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
let repo: Awaited<ReturnType<typeof labGitRepo>> | undefined;
let backend: BackendProcess | undefined;

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
  const files: Record<string, string> = {
    'catalog-info.yaml': [
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
  };
  for (const file of fs.readdirSync(corpus)) {
    if (/^\d\d-.*\.yaml$/.test(file)) {
      files[`k8s/${file}`] = fs.readFileSync(path.join(corpus, file), 'utf8');
    }
  }
  repo = await labGitRepo(lab.git, { owner, name });
  await repo.push(files);

  const port = await freePort();
  backend = await startLabPortal({ lab, port, workDir: work });
});

afterAll(async () => {
  await backend?.stop();
  if (work) fs.rmSync(work, { recursive: true, force: true });
  await repo?.remove();
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
      location: 'k8s',
    },
  });
  expect(body.grade).toBe('A');
  // The password of diehard.git.servers is nowhere in what the backend printed.
  expect(backend!.output()).not.toContain(lab.git.password);
});
