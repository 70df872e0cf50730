import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import YAML from 'yaml';
import { freePort, useLab } from '@diehard/lab';
import { BackendProcess } from '../../__testUtils__/startBackendProcess';
import { startLabPortal } from '../../__testUtils__/startLabPortal';
import { guestToken } from '../../__testUtils__/guestSession';
import { request } from './http';
import { runTemplateTask, TaskRun } from './scaffolderTask';

export type RunLab = Awaited<ReturnType<typeof useLab<'kubernetes' | 'git'>>>;

/**
 * The portal as `scripts/start.sh` runs it on the lab, signed in as a guest, to run
 * templates the way the Create page does.
 */
export interface RunPortal {
  lab: RunLab;
  backend: BackendProcess;
  token: string;
  /** kubectl as the lab's admin; throws with its stderr on failure. */
  kubectl(args: string[]): string;
  /** A GET on the portal's catalog API with the guest's token. */
  catalogGet(urlPath: string): Promise<{ status: number; body: any }>;
  /** Waits until the catalog lists `ref` (kind:default/name) and returns the entity. */
  untilInCatalog(ref: string, timeoutMs: number): Promise<any>;
  /**
   * Posts a task for `templateRef` and follows it to its end; throws with the task's
   * and the backend's last lines unless it completed.
   */
  runTask(
    templateRef: string,
    values: Record<string, unknown>,
    timeoutMs: number,
  ): Promise<TaskRun>;
  stop(): Promise<void>;
}

export async function startRunPortal(): Promise<RunPortal> {
  const lab: RunLab = await useLab(['kubernetes', 'git']);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'diehard-run-'));
  const backend = await startLabPortal({
    lab,
    port: await freePort(),
    workDir: work,
  });
  const stop = async () => {
    await backend.stop();
    fs.rmSync(work, { recursive: true, force: true });
  };
  let token: string;
  try {
    token = await guestToken(backend.baseUrl);
  } catch (e) {
    await stop();
    throw e;
  }
  const kubectl = (args: string[]) => {
    const r = spawnSync(
      lab.kubernetes.kubectl,
      ['--kubeconfig', lab.kubernetes.adminKubeconfig, ...args],
      { encoding: 'utf8' },
    );
    if (r.status !== 0) {
      throw new Error(`kubectl ${args.join(' ')}: ${r.stderr}`);
    }
    return r.stdout;
  };
  const catalogGet = async (urlPath: string) => {
    const response = await fetch(`${backend.baseUrl}/api/catalog${urlPath}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    return {
      status: response.status,
      body: response.ok ? await response.json() : await response.text(),
    };
  };
  const untilInCatalog = async (ref: string, timeoutMs: number) => {
    const [kind, name] = ref.split(':default/');
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const r = await catalogGet(`/entities/by-name/${kind}/default/${name}`);
      if (r.status === 200) return r.body;
      if (Date.now() > deadline) {
        throw new Error(
          `the catalog did not list ${ref} within ${timeoutMs} ms (last answer ${r.status})`,
        );
      }
      await new Promise(res => setTimeout(res, 500));
    }
  };
  const runTask = async (
    templateRef: string,
    values: Record<string, unknown>,
    timeoutMs: number,
  ) => {
    await untilInCatalog(templateRef, 120_000);
    const task = await runTemplateTask({
      baseUrl: backend.baseUrl,
      token,
      templateRef,
      values,
      timeoutMs,
      onLog: process.env.DIEHARD_TASK_LOG
        ? line => process.stderr.write(`${line}\n`)
        : undefined,
    });
    process.stderr.write(
      `${templateRef} step durations (s): ${JSON.stringify(task.seconds)}\n`,
    );
    if (task.status !== 'completed') {
      const tail = backend.output().split('\n').slice(-30).join('\n');
      throw new Error(
        `the task ended ${task.status}; steps ${JSON.stringify(
          task.steps,
        )}\n--- task log (last 60 lines) ---\n${task.log
          .slice(-60)
          .join('\n')}\n--- backend output (last 30 lines) ---\n${tail}`,
      );
    }
    return task;
  };
  return {
    lab,
    backend,
    token,
    kubectl,
    catalogGet,
    untilInCatalog,
    runTask,
    stop,
  };
}

/** Removes a repository a run published on the lab's git server. */
export function removeLabRepo(lab: RunLab, owner: string, name: string) {
  fs.rmSync(path.join(lab.git.projectRoot, owner, `${name}.git`), {
    recursive: true,
    force: true,
  });
}

/** The repository the run published, as a browser and the catalog reach it. */
export function publishedRepo(lab: RunLab, owner: string, name: string) {
  return {
    url: `${lab.git.url}/${owner}/${name}.git`,
    catalogInfo: `${lab.git.url}/${owner}/${name}/raw/main/catalog-info.yaml`,
    /** The top of its main branch: the entity's source-location. */
    top: `${lab.git.url}/${owner}/${name}/raw/main/`,
  };
}

/** A GET as a browser sends it (what a user's click on a link does). */
export function browse(url: string) {
  return request(url, {
    headers: {
      Accept: 'text/html,application/xhtml+xml,*/*;q=0.8',
      'User-Agent': 'Mozilla/5.0 (X11; Linux x86_64) Chrome/120',
    },
  });
}

/**
 * The two ways a user reaches the repository from the portal: the task's "Repository"
 * link and the entity page's "View source" (the catalog's source-location). Each must
 * open a page that lists catalog-info.yaml, linked to its raw content.
 */
export async function repositoryLinks(task: TaskRun, entity: any) {
  const repository: string = task.output.links.find(
    (l: any) => l.title === 'Repository',
  ).url;
  const source: string =
    entity.metadata.annotations['backstage.io/source-location'];
  return { repository, source: source.replace(/^url:/, '') };
}

/**
 * The published repository serves its catalog-info.yaml, and the catalog registered
 * the Resource of `type` from it; returns the entity.
 */
export async function expectRegisteredFromRepo(
  portal: RunPortal,
  owner: string,
  name: string,
  type: string,
) {
  const repo = publishedRepo(portal.lab, owner, name);
  const served = await request(repo.catalogInfo);
  expect(served.status).toBe(200);
  expect(YAML.parse(served.body).metadata.name).toBe(name);
  const entity = await portal.untilInCatalog(
    `resource:default/${name}`,
    60_000,
  );
  expect(entity.spec).toMatchObject({ type, owner: 'group:default/ops-team' });
  expect(entity.metadata.annotations['backstage.io/managed-by-location']).toBe(
    `url:${repo.catalogInfo}`,
  );
  return entity;
}

/**
 * The task's "Repository" link and the entity's "View source" each open, in a
 * browser, a page of the repository that links to its catalog-info.yaml.
 */
export async function expectRepositoryOpensInBrowser(
  portal: RunPortal,
  task: TaskRun,
  owner: string,
  name: string,
) {
  const repo = publishedRepo(portal.lab, owner, name);
  const entity = await portal.untilInCatalog(
    `resource:default/${name}`,
    60_000,
  );
  const { repository, source } = await repositoryLinks(task, entity);
  expect(repository).toBe(repo.url);
  expect(source).toBe(repo.top);
  for (const url of [repository, source]) {
    const page = await browse(url);
    expect({
      url,
      status: page.status,
      type: page.headers['content-type'],
    }).toEqual({ url, status: 200, type: 'text/html; charset=utf-8' });
    const catalogInfo = new URL(repo.catalogInfo).pathname;
    expect(page.body).toContain(`href="${catalogInfo}"`);
    expect(
      YAML.parse((await request(new URL(catalogInfo, url).toString())).body)
        .metadata.name,
    ).toBe(name);
  }
}
