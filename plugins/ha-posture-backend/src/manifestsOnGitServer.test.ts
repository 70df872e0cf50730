import fs from 'node:fs';
import path from 'node:path';
import { Entity } from '@backstage/catalog-model';
import request from 'supertest';
import { EntityPosture } from '@diehard/plugin-ha-posture-common';
import {
  ensureHelm,
  ensureKustomize,
  labClusterLocators,
  labGitRepo,
  useLab,
} from '@diehard/lab';
import diehardGitUrlReader from '@diehard/plugin-backend-module-diehard-git-reader';
import {
  PostureBackend,
  serviceComponent,
  startPostureBackend,
} from './__testUtils__/postureBackend';
import { corpusDir } from './__testUtils__/corpus';

// Cold: helm and kustomize may have to be built from the Go module proxy first.
jest.setTimeout(900_000);

/** A chart (one replica), a broken chart, a Kustomize base (one replica) and its overlay (three). */
const renderFixtures = path.resolve(
  require.resolve('@diehard/plugin-ha-posture-render-node/package.json'),
  '../fixtures',
);

function filesUnder(dir: string, prefix: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of fs.readdirSync(dir)) {
    const full = path.join(dir, name);
    if (fs.statSync(full).isDirectory())
      Object.assign(out, filesUnder(full, `${prefix}/${name}`));
    else out[`${prefix}/${name}`] = fs.readFileSync(full, 'utf8');
  }
  return out;
}

const corpus = corpusDir('service/eni-todo-ha');

const run = Math.random().toString(36).slice(2, 7);
const owner = `posture-git-${run}`;
/** A namespace nobody creates: the service is not deployed yet. */
const NAMESPACE = `not-deployed-${run}`;

/**
 * A service as `tomcat-ha-service` registers it: the catalog read its catalog-info.yaml
 * at the catalogInfoUrl `diehard:git:push` output, and the file names its Kubernetes
 * id and namespace and its manifests folder.
 */
function generatedService(
  name: string,
  catalogInfoUrl: string,
  manifestsPath: string,
): Entity {
  return {
    ...serviceComponent(name, {
      'backstage.io/managed-by-location': `url:${catalogInfoUrl}`,
      'backstage.io/managed-by-origin-location': `url:${catalogInfoUrl}`,
      'backstage.io/kubernetes-id': name,
      'backstage.io/kubernetes-namespace': NAMESPACE,
      'diehard.io/manifests-path': manifestsPath,
    }),
    relations: [{ type: 'ownedBy', targetRef: 'group:default/dev-team' }],
  };
}

describe('HA posture before deploy, from manifests on the git server', () => {
  let backend: PostureBackend;
  let repo: Awaited<ReturnType<typeof labGitRepo>> | undefined;
  let raw: string;

  beforeAll(async () => {
    const lab = await useLab(['git', 'kubernetes']);
    // The corpus's complete stack as the service's k8s/ folder.
    const files: Record<string, string> = {
      'catalog-info.yaml':
        'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: todo-on-git\n',
    };
    for (const file of fs.readdirSync(corpus)) {
      if (/^\d\d-.*\.yaml$/.test(file)) {
        files[`k8s/${file}`] = fs.readFileSync(path.join(corpus, file), 'utf8');
      }
    }
    // More manifests than haPosture.manifests.maxFiles below.
    for (let i = 0; i < 25; i++) files[`many/${i}.yaml`] = 'kind: ConfigMap\n';
    Object.assign(
      files,
      filesUnder(path.join(renderFixtures, 'chart'), 'deploy/chart'),
      filesUnder(path.join(renderFixtures, 'kustomize'), 'deploy/kustomize'),
      filesUnder(path.join(renderFixtures, 'broken-chart'), 'broken'),
    );
    const [helm, kustomize] = [
      await ensureHelm({ report: () => {} }),
      await ensureKustomize({ report: () => {} }),
    ];
    repo = await labGitRepo(lab.git, { owner, name: 'todo-on-git' });
    await repo.push(files);
    raw = `${lab.git.url}/${owner}/todo-on-git/raw/main`;

    backend = await startPostureBackend({
      features: [diehardGitUrlReader],
      clusterLocatorMethods: labClusterLocators(lab.kubernetes),
      entities: [
        generatedService('todo-on-git', `${raw}/catalog-info.yaml`, 'k8s'),
        generatedService(
          'todo-misnamed',
          `${raw}/catalog-info.yaml`,
          'manifests',
        ),
        generatedService('todo-many', `${raw}/catalog-info.yaml`, 'many'),
        generatedService(
          'orders-chart',
          `${raw}/catalog-info.yaml`,
          'deploy/chart',
        ),
        generatedService(
          'orders-overlay',
          `${raw}/catalog-info.yaml`,
          'deploy/kustomize',
        ),
        generatedService('orders-broken', `${raw}/catalog-info.yaml`, 'broken'),
        // Another repository of the same server, reached by climbing out of its own.
        generatedService(
          'todo-climbing',
          `${raw}/catalog-info.yaml`,
          '../../../../other/raw/main/k8s',
        ),
      ],
      config: {
        haPosture: { manifests: { maxFiles: 20 } },
        diehard: {
          posture: {
            render: { helmPath: helm.path, kustomizePath: kustomize.path },
          },
          git: {
            servers: [
              {
                baseUrl: lab.git.url,
                username: lab.git.username,
                password: lab.git.password,
              },
            ],
          },
        },
      },
    });
  });

  afterAll(async () => {
    await backend?.stop();
    await repo?.remove();
  });

  it('grades a service that is not deployed yet from the manifests of its repository, and says so', async () => {
    const res = await request(backend.server).post(
      '/api/ha-posture/entities/component/default/todo-on-git/refresh',
    );
    expect(res.status).toBe(200);
    const posture: EntityPosture = res.body;
    // Named by its path in the repository.
    expect(posture.source).toEqual({ type: 'manifests', location: 'k8s' });
    expect(posture.grade).toBe('A');
    expect(
      posture.report.workloads.map(w => `${w.kind}/${w.name}`).sort(),
    ).toEqual(['Deployment/todo-web', 'StatefulSet/galera']);

    const fleet = await request(backend.server).get('/api/ha-posture/fleet');
    expect(fleet.body.entries).toEqual([
      expect.objectContaining({
        entityRef: 'component:default/todo-on-git',
        grade: 'A',
        source: 'manifests',
      }),
    ]);
  });

  it('sees a change pushed to the repository at the next refresh', async () => {
    const refresh = async () =>
      (
        await request(backend.server).post(
          '/api/ha-posture/entities/component/default/todo-on-git/refresh',
        )
      ).body as EntityPosture;
    expect((await refresh()).grade).toBe('A');
    expect((await refresh()).grade).toBe('A'); // from the last read: the branch has not moved

    const web = fs.readFileSync(path.join(corpus, '20-todo-web.yaml'), 'utf8');
    expect(web).toContain('minReplicas: 3');
    // One replica, and an autoscaler that may keep it there.
    await repo!.push({
      'k8s/20-todo-web.yaml': web.replaceAll('eplicas: 3', 'eplicas: 1'),
    });
    const after = await refresh();
    expect(after.grade).not.toBe('A');
    expect(
      after.report.workloads.flatMap(w => w.findings).map(f => f.rule),
    ).toContain('replicas-hpa-min');
  });

  it('names the manifests folder it cannot find in the repository', async () => {
    const res = await request(backend.server).post(
      '/api/ha-posture/entities/component/default/todo-misnamed/refresh',
    );
    // The entity exists; its annotation is wrong: 400, not 404.
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe(
      `the manifests folder "manifests" named by diehard.io/manifests-path cannot be read from the entity's repository: no folder "manifests" on branch "main" of ${raw.replace(
        /\/raw\/main$/,
        '.git',
      )}`,
    );
  });

  it('refuses manifests outside the repository the catalog read the entity from', async () => {
    const res = await request(backend.server).post(
      '/api/ha-posture/entities/component/default/todo-climbing/refresh',
    );
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe(
      `diehard.io/manifests-path "../../../../other/raw/main/k8s" leads out of the entity's repository; give a folder inside it, such as k8s`,
    );
  });

  it('stops reading a repository at the file limit, naming it', async () => {
    const res = await request(backend.server).post(
      '/api/ha-posture/entities/component/default/todo-many/refresh',
    );
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe(
      'the manifests folder "many" named by diehard.io/manifests-path holds more than 20 files and folders (haPosture.manifests.maxFiles)',
    );
  });

  const refresh = (name: string) =>
    request(backend.server).post(
      `/api/ha-posture/entities/component/default/${name}/refresh`,
    );

  it('renders a Helm chart of the repository with its values: one replica', async () => {
    const res = await refresh('orders-chart');
    expect(res.status).toBe(200);
    const posture: EntityPosture = res.body;
    expect(posture.source).toEqual({
      type: 'manifests',
      location: 'deploy/chart',
    });
    expect(posture.report.workloads.map(w => `${w.kind}/${w.name}`)).toEqual([
      'Deployment/orders',
    ]);
    expect(posture.report.workloads[0].findings.map(f => f.rule)).toContain(
      'replicas-single',
    );
  });

  it('renders a Kustomize overlay over its base: three replicas, grade A', async () => {
    const res = await refresh('orders-overlay');
    expect(res.status).toBe(200);
    expect(res.body.grade).toBe('A');
    expect(res.body.report.workloads).toHaveLength(1);
  });

  it('names a chart that does not render, with helm’s message and no server path', async () => {
    const res = await refresh('orders-broken');
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe(
      'the manifests folder "broken" named by diehard.io/manifests-path holds charts or Kustomize folders that cannot be rendered: broken: helm template failed: parse error at (broken/templates/deployment.yaml:6): function "nosuchfunction" not defined; Use --debug flag to render out invalid YAML',
    );
  });
});
