/* eslint-disable jest/no-export, jest/expect-expect -- a shared suite the templates' test files call; its checks are the expect* helpers of labRun */
import { formDefaults, formRequired } from './formDefaults';
import {
  expectRegisteredFromRepo,
  expectRepositoryOpensInBrowser,
  removeLabRepo,
  RunPortal,
  startRunPortal,
} from './labRun';
import { TaskRun } from './scaffolderTask';

/** A template Ops ran from the portal on the lab, once the suite's beforeAll has. */
export interface OpsRun {
  portal: RunPortal | undefined;
  task: TaskRun;
  /** The owner of the repository the run published (the form's default). */
  repoOwner: string;
}

/**
 * Runs `template` from the portal on the lab before the suite, as Ops runs it from the
 * Create page: the form's defaults with `values` over them (a `name` among them). After
 * the suite, `cleanUp` deletes what the run made in the cluster, and the repository it
 * published goes.
 */
export function useOpsRun(
  template: string,
  values: Record<string, unknown> & { name: string },
  cleanUp: (portal: RunPortal) => void,
): OpsRun {
  const run = {
    repoOwner: formDefaults(template).repoOwner as string,
  } as OpsRun;
  beforeAll(async () => {
    run.portal = await startRunPortal();
    run.task = await run.portal.runTask(
      `template:default/${template}`,
      { ...formDefaults(template), ...values },
      10 * 60_000,
    );
  });
  afterAll(async () => {
    await run.portal?.stop();
    if (!run.portal) return;
    cleanUp(run.portal);
    removeLabRepo(run.portal.lab, run.repoOwner, values.name);
  });
  return run;
}

/**
 * The tests every run of a Resource template passes: the user types only `typed`, which
 * `needs` says in words (every other required field has a default); every one of `steps` completed; the repository
 * is published and the Resource of `type` registered from it; the task's and the
 * entity's links open the repository in a browser.
 */
export function itRunsAsOpsDoes(
  run: OpsRun,
  template: string,
  name: string,
  expected: { needs: string; typed: string[]; steps: string[]; type: string },
) {
  it(`needs nothing but ${expected.needs}: every other required field has a default`, () => {
    const defaults = formDefaults(template);
    const typed = formRequired(template).filter(field => !(field in defaults));
    expect(typed.sort()).toEqual([...expected.typed].sort());
  });

  it('runs every step of the template', () => {
    expect(run.task.steps).toEqual(
      Object.fromEntries(expected.steps.map(s => [s, 'completed'])),
    );
  });

  it('publishes the repository on the lab git server and registers the Resource from it', async () => {
    await expectRegisteredFromRepo(
      run.portal!,
      run.repoOwner,
      name,
      expected.type,
    );
  });

  it("opens the repository in a browser from the task's Repository link and the entity's View source", async () => {
    await expectRepositoryOpensInBrowser(
      run.portal!,
      run.task,
      run.repoOwner,
      name,
    );
  });
}

/** Deletes, without waiting, the objects of `kinds` a run labelled as `name`'s. */
export function deleteLabelled(
  kubectl: (args: string[]) => string,
  namespace: string,
  name: string,
  kinds: string[],
) {
  for (const kind of kinds) {
    kubectl([
      'delete',
      kind,
      '-n',
      namespace,
      '-l',
      `app.kubernetes.io/name=${name}`,
      '--ignore-not-found',
      '--wait=false',
    ]);
  }
}
