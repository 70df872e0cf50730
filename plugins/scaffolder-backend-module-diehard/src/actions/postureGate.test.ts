import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {
  createMockDirectory,
  mockServices,
} from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { createPostureGateAction } from './postureGate';

const fixtures = path.resolve(__dirname, '../__testUtils__/fixtures/posture');

describe('diehard:posture:gate', () => {
  function run(workspace: string, input: Record<string, string>) {
    const ctx = createMockActionContext<any>({
      input,
      workspacePath: workspace,
      logger: mockServices.logger.mock(),
    });
    return { ctx, result: createPostureGateAction().handler(ctx) };
  }
  const outputs = (ctx: any) =>
    Object.fromEntries((ctx.output as jest.Mock).mock.calls);
  const logged = (ctx: any) =>
    (ctx.logger.info as jest.Mock).mock.calls.map(c => c[0]).join('\n');

  it('fails a single-replica Deployment below the minimum grade, naming it, and logs the findings', async () => {
    const { ctx, result } = run(fixtures, {
      manifests: 'bad',
      minimumGrade: 'B',
    });
    await expect(result).rejects.toThrow(
      /HA posture grade [DF] is below the minimum B \(Deployment team-a\/petclinic [DF]\)/,
    );
    expect(outputs(ctx).passed).toBe(false);
    expect(['D', 'F']).toContain(outputs(ctx).grade);
    expect(logged(ctx)).toMatch(/CRITICAL \[replicas\//);
    expect(logged(ctx)).toContain('fix:');
  });

  it("logs the findings, their fixes and the verdict in the user's French, and fails in French", async () => {
    const english = run(fixtures, { manifests: 'bad', minimumGrade: 'B' });
    await expect(english.result).rejects.toThrow();
    const { ctx, result } = run(fixtures, {
      manifests: 'bad',
      minimumGrade: 'B',
      language: 'fr-FR',
    });
    await expect(result).rejects.toThrow(
      /La note de posture HA [DF] est sous le minimum B \(Deployment team-a\/petclinic [DF]\)/,
    );
    const log = logged(ctx);
    expect(log).toMatch(/CRITICAL \[replicas\//);
    expect(log).toContain('correctif : ');
    expect(log).toMatch(
      /Posture HA : note [DF] \(\d+\/100\), minimum B : ÉCHEC/,
    );
    // Every finding's sentence differs from the English one: none is left untranslated.
    const sentences = (text: string) =>
      text
        .split('\n')
        .filter(l => /^ {4}[A-Z]+ \[/.test(l))
        .map(l => l.replace(/^.*?\] /, ''));
    const en = sentences(logged(english.ctx));
    const fr = sentences(log);
    expect(fr).toHaveLength(en.length);
    expect(en.length).toBeGreaterThan(2);
    expect(fr.filter(s => en.includes(s))).toEqual([]);
    expect(outputs(ctx)).toEqual(outputs(english.ctx));
  });

  it('passes the same manifests with a lenient threshold and outputs the grade', async () => {
    const { ctx, result } = run(fixtures, {
      manifests: 'bad',
      minimumGrade: 'F',
    });
    await result;
    expect(outputs(ctx).passed).toBe(true);
  });

  it('grades replicated, spread, probed manifests better than the single replica', async () => {
    const good = run(fixtures, { manifests: 'good', minimumGrade: 'C' });
    await good.result;
    const bad = run(fixtures, { manifests: 'bad', minimumGrade: 'F' });
    await bad.result;
    expect(outputs(good.ctx).score).toBeGreaterThan(outputs(bad.ctx).score);
    expect(outputs(good.ctx).passed).toBe(true);
  });

  it('names the file and line of a manifest that does not parse', async () => {
    const dir = createMockDirectory({
      content: {
        'manifests/broken.yaml': 'kind: Deployment\nmetadata: [unclosed\n',
      },
    });
    const { result } = run(dir.path, {});
    await expect(result).rejects.toThrow(/manifests\/broken\.yaml:\d+/);
  });

  it('reads nothing outside the workspace: a link is refused by its path in the workspace', async () => {
    const dir = createMockDirectory({ content: { 'manifests/ok.yaml': '' } });
    fs.symlinkSync('/etc/passwd', path.join(dir.path, 'manifests/server.xml'));
    const { result } = run(dir.path, {});
    const error = await result.then(
      () => undefined,
      e => e as Error,
    );
    expect(error?.message).toBe(
      'manifest path manifests/server.xml is a link: only files are read',
    );
    expect(error?.message).not.toContain(dir.path);
  });

  it('refuses a FIFO instead of waiting on it', async () => {
    const dir = createMockDirectory({ content: { 'manifests/ok.yaml': '' } });
    execFileSync('mkfifo', [path.join(dir.path, 'manifests/pipe.yaml')]);
    const { result } = run(dir.path, {});
    await expect(result).rejects.toThrow(
      'manifest path manifests/pipe.yaml is not a regular file or a folder',
    );
  });

  it('names a missing manifests folder by its path in the workspace', async () => {
    const dir = createMockDirectory({ content: { 'k8s/ok.yaml': '' } });
    const { result } = run(dir.path, { manifests: 'nothing-here' });
    await expect(result).rejects.toThrow(
      /^manifest path nothing-here does not exist$/,
    );
  });
});
