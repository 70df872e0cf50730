import path from 'node:path';
import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { ensureHelm, ensureKustomize } from '@diehard/lab';
import { createPostureGateAction } from './postureGate';

// Cold: helm and kustomize may have to be built from the Go module proxy first.
jest.setTimeout(900_000);

// A chart (one replica by default), a Kustomize base (one replica) and its overlay (three).
const fixtures = path.resolve(
  __dirname,
  '../../../ha-posture-render-node/fixtures',
);

describe('diehard:posture:gate on Helm charts and Kustomize folders', () => {
  let render: Record<string, string>;
  beforeAll(async () => {
    render = {
      helmPath: (await ensureHelm({ report: () => {} })).path,
      kustomizePath: (await ensureKustomize({ report: () => {} })).path,
    };
  });

  function run(
    input: Record<string, string>,
    tools: Record<string, string> = render,
  ) {
    const ctx = createMockActionContext<any>({
      input,
      workspacePath: fixtures,
      logger: mockServices.logger.mock(),
    });
    const config = new ConfigReader({
      diehard: { posture: { render: tools } },
    });
    return { ctx, result: createPostureGateAction({ config }).handler(ctx) };
  }
  const outputs = (ctx: any) =>
    Object.fromEntries((ctx.output as jest.Mock).mock.calls);

  it('renders a chart with its values: one replica fails a B gate', async () => {
    const { ctx, result } = run({ manifests: 'chart', minimumGrade: 'B' });
    await expect(result).rejects.toThrow(
      /below the minimum B \(Deployment shop\/orders [DF]\)/,
    );
    expect(outputs(ctx).passed).toBe(false);
  });

  it('renders an overlay over its base: three replicas pass an A gate', async () => {
    const { ctx, result } = run({ manifests: 'kustomize', minimumGrade: 'A' });
    await result;
    expect(outputs(ctx)).toMatchObject({ grade: 'A', passed: true });
  });

  it('names a chart that does not render, with helm’s message', async () => {
    const { result } = run({ manifests: 'broken-chart', minimumGrade: 'F' });
    await expect(result).rejects.toThrow(
      'cannot read the manifests: broken-chart: helm template failed: parse error at (broken/templates/deployment.yaml:6): function "nosuchfunction" not defined',
    );
  });

  it('names the missing tool and the setting that names it', async () => {
    const { result } = run(
      { manifests: 'kustomize', minimumGrade: 'F' },
      { kustomizePath: path.join(fixtures, 'no-such-kustomize') },
    );
    await expect(result).rejects.toThrow(
      "cannot read the manifests: kustomize/overlays/prod: is a Kustomize folder, but kustomize was not found at the path configured: install kustomize 5 on the backend's PATH or set diehard.posture.render.kustomizePath",
    );
  });
});
