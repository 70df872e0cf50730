import fs from 'node:fs';
import path from 'node:path';
import { mockServices } from '@backstage/backend-test-utils';
import { JsonObject } from '@backstage/types';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { freePort } from '@diehard/lab';
import { pushImage } from '@diehard/plugin-container-images-node';
import { writeRandomImage } from '@diehard/plugin-container-images-node/testUtils';
import { createImageCheckBuildAction } from './imageCheckBuild';
import { examples } from './imageCheckBuild.examples';
import { useLabRegistry, uniqueRepository } from '../__testUtils__/labRegistry';
import { runExample } from '../__testUtils__/runExample';

jest.setTimeout(120_000);

describe('diehard:image:check-build against the lab registry', () => {
  let base: string;
  const lab = useLabRegistry();
  const { mockDir } = lab;

  beforeAll(async () => {
    // A base image the registry holds, under a repository no other test uses.
    const repository = uniqueRepository('base');
    const { layout } = await writeRandomImage(path.join(mockDir.path, 'base'), {
      layerSizes: [1000],
    });
    const client = lab.client();
    await pushImage(client, layout, { repository, tag: '1.0' });
    client.close();
    base = `${repository}:1.0`;
  });

  const action = (overrides?: Record<string, string>) =>
    createImageCheckBuildAction({ registries: lab.registries(overrides) });

  async function run(input: JsonObject, overrides?: Record<string, string>) {
    const ctx = createMockActionContext<any>({
      input: { builder: 'dockerfile', baseImages: [], ...input },
      workspacePath: mockDir.path,
      logger: mockServices.logger.mock(),
    });
    await action(overrides).handler(ctx);
    return Object.fromEntries((ctx.output as jest.Mock).mock.calls);
  }

  it('passes when buildah runs here and the registry holds every base image', async () => {
    expect(await run({ registry: 'internal', baseImages: [base] })).toEqual({
      registryHost: lab.reg.host,
    });
  });

  it('runs its example as a template step once the base images are there', async () => {
    const example = examples[0].example
      .replace('platform/maven:3.8-openjdk-17', base)
      .replace('platform/tomcat:10.1-jre17', base);
    const outputs = await runExample(example, [action()], mockDir.path);
    expect(outputs.preflight.registryHost).toBe(lab.reg.host);
  });

  it('names each base image the registry lacks, and how to fix it', async () => {
    const absent = `${uniqueRepository('absent')}:10.1-jre17`;
    await expect(
      run({ registry: 'internal', baseImages: [base, absent] }),
    ).rejects.toThrow(
      `base image ${lab.reg.host}/${absent} is not in registry "internal": push it there first`,
    );
  });

  it('speaks French when language is fr: a base image missing, then all there', async () => {
    const absent = `${uniqueRepository('absent')}:10.1-jre17`;
    const error = await run({
      registry: 'internal',
      builder: 'native',
      baseImages: [base, absent],
      language: 'fr',
    })
      .then(() => undefined)
      .catch(e => e as Error);
    expect(error?.name).toBe('NotFoundError');
    expect(error?.message).toBe(
      `l'image ne peut pas être construite et poussée ici : l'image de base ${lab.reg.host}/${absent} n'est pas dans le registre « internal » : poussez-la d'abord dans ce registre`,
    );

    const logger = mockServices.logger.mock();
    const ctx = createMockActionContext<any>({
      input: {
        registry: 'internal',
        builder: 'native',
        baseImages: [base],
        language: 'fr',
      },
      workspacePath: mockDir.path,
      logger,
    });
    Object.assign(ctx, { logger });
    await action().handler(ctx);
    expect(logger.info).toHaveBeenCalledWith(
      `constructeur native prêt ; le registre « internal » répond et contient ${base}`,
    );
  });

  it('says buildah is missing on a host without it', async () => {
    const empty = fs.mkdtempSync(path.join(mockDir.path, 'no-buildah-'));
    const saved = process.env.PATH;
    process.env.PATH = empty;
    try {
      await expect(
        run({ registry: 'internal', baseImages: [base] }),
      ).rejects.toThrow(
        'buildah is not installed on the backend host: install the Debian package "buildah"',
      );
      // The native builder needs no buildah.
      await expect(
        run({ registry: 'internal', builder: 'native', baseImages: [base] }),
      ).resolves.toEqual({ registryHost: lab.reg.host });
    } finally {
      process.env.PATH = saved;
    }
  });

  it('refuses credentials the registry does not accept, without showing them', async () => {
    const wrong = { password: 'not-the-password-42' };
    const error = await run({ registry: 'internal', baseImages: [base] }, wrong)
      .then(() => undefined)
      .catch(e => e as Error);
    expect(error?.message).toMatch(
      /^the image cannot be built and pushed here: registry "internal" \([^)]+\) cannot be used: /,
    );
    expect(error?.message).not.toContain('not-the-password-42');
  });

  it('says an unreachable registry cannot be used, quickly', async () => {
    const port = await freePort();
    const started = Date.now();
    await expect(
      run(
        { registry: 'internal', baseImages: [base] },
        { host: `127.0.0.1:${port}` },
      ),
    ).rejects.toThrow(`registry "internal" (127.0.0.1:${port}) cannot be used`);
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it('refuses a base image named with a host, or without a tag', async () => {
    for (const image of [`evil.example.org/${base}`, base.split(':')[0]]) {
      await expect(
        run({ registry: 'internal', baseImages: [image] }),
      ).rejects.toThrow(
        `base image "${image}": name it as repository:tag inside registry "internal", without a host`,
      );
    }
  });

  it('names the registries configured when the template names another', async () => {
    await expect(
      run({ registry: 'nowhere', baseImages: [base] }),
    ).rejects.toThrow(
      'no registry named "nowhere" in diehard.registries (configured: internal)',
    );
  });
});
