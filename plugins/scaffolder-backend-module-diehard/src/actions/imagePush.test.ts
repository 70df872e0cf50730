import fsp from 'node:fs/promises';
import path from 'node:path';
import { JsonObject } from '@backstage/types';
import { freePort } from '@diehard/lab';
import { ActionContext } from '@backstage/plugin-scaffolder-node';
import { OciLayout, pullImage } from '@diehard/plugin-container-images-node';
import { writeRandomImage } from '@diehard/plugin-container-images-node/testUtils';
import { createImagePushAction, ImagePushActionOptions } from './imagePush';
import { useLabRegistry, uniqueRepository } from '../__testUtils__/labRegistry';
import { TcpProxy } from '../__testUtils__/TcpProxy';
import { actionContext } from '../__testUtils__/actionContext';
import { permissionsAnswering } from '../__testUtils__/permissions';
import { AuthorizeResult } from '@backstage/plugin-permission-common';

jest.setTimeout(120_000);

const fastRetry = { retries: 3, initialDelayMs: 50 };

describe('diehard:image:push against the lab registry', () => {
  const lab = useLabRegistry();
  const { mockDir } = lab;

  beforeEach(() => mockDir.clear());

  const context = (input: JsonObject, extra?: Partial<ActionContext<any>>) =>
    actionContext(mockDir.path, input, extra);
  /** The action on the lab registry (its entry changed by `entry`), its client tuned by `client`. */
  const pushAction = (
    entry?: Record<string, string>,
    client?: ImagePushActionOptions['client'],
    permissions = permissionsAnswering(AuthorizeResult.ALLOW),
  ) =>
    createImagePushAction({
      registries: lab.registries(entry),
      client,
      permissions,
    });

  function outputs(ctx: { output: jest.Mock | any }) {
    return Object.fromEntries((ctx.output as jest.Mock).mock.calls);
  }

  it('pushes a layout and the image pulls back by digest, byte for byte', async () => {
    const image = await writeRandomImage(path.join(mockDir.path, 'image'), {
      layerSizes: [300_000, 200_000, 100_000],
    });
    const repository = uniqueRepository('roundtrip');
    const action = pushAction();
    const ctx = context({
      registry: 'internal',
      repository,
      tag: '1.0.0',
      layout: 'image',
    });
    await action.handler(ctx);

    const out = outputs(ctx);
    expect(out.digest).toBe(image.manifest.digest);
    expect(out.reference).toBe(
      `${lab.reg.host}/${repository}@${image.manifest.digest}`,
    );
    expect(out.taggedReference).toBe(`${lab.reg.host}/${repository}:1.0.0`);

    const client = lab.client();
    try {
      const target = await OciLayout.create(path.join(mockDir.path, 'pulled'));
      const desc = await pullImage(client, target, {
        repository,
        reference: out.digest,
      });
      expect(desc.digest).toBe(image.manifest.digest);
      for (const layer of image.layers) {
        const [mine, theirs] = await Promise.all([
          fsp.readFile(image.layout.blobPath(layer.digest)),
          fsp.readFile(target.blobPath(layer.digest)),
        ]);
        expect(theirs.equals(mine)).toBe(true);
      }
      // The tag resolves to the same manifest.
      expect((await client.getManifest(repository, '1.0.0')).digest).toBe(
        out.digest,
      );
    } finally {
      client.close();
    }
  });

  it("asks diehard.image.push for the repository with the task's credentials, and pushes nothing when refused", async () => {
    await writeRandomImage(path.join(mockDir.path, 'image'), {
      layerSizes: [1_000],
    });
    const repository = uniqueRepository('denied');
    const permissions = permissionsAnswering(AuthorizeResult.DENY);
    const ctx = context(
      { registry: 'internal', repository, tag: 'v1', layout: 'image' },
      { user: { ref: 'user:default/mallory' } },
    );
    await expect(
      pushAction(undefined, undefined, permissions).handler(ctx),
    ).rejects.toThrow(
      `user:default/mallory may not push to internal/${repository} (permission diehard.image.push); nothing was pushed`,
    );
    expect(permissions.authorize).toHaveBeenCalledWith(
      [
        {
          permission: expect.objectContaining({ name: 'diehard.image.push' }),
          resourceRef: `internal/${repository}`,
        },
      ],
      { credentials: await ctx.getInitiatorCredentials() },
    );
    const client = lab.client();
    try {
      await expect(client.getManifest(repository, 'v1')).rejects.toThrow();
    } finally {
      client.close();
    }
  });

  it('refuses a repository name a policy could be fooled by, before asking', async () => {
    const permissions = permissionsAnswering(AuthorizeResult.ALLOW);
    const ctx = context({
      registry: 'internal',
      repository: 'apps/../platform/tomcat',
      layout: 'image',
    });
    await expect(
      pushAction(undefined, undefined, permissions).handler(ctx),
    ).rejects.toThrow('invalid repository name "apps/../platform/tomcat"');
    expect(permissions.authorize).not.toHaveBeenCalled();
  });

  it('sends no layer bytes when the registry already has them', async () => {
    const layerSizes = [400_000, 300_000, 200_000];
    await writeRandomImage(path.join(mockDir.path, 'image'), { layerSizes });
    const [host, port] = lab.reg.host.split(':');
    const proxy = new TcpProxy({ host, port: Number(port) });
    const proxyHost = await proxy.start();
    try {
      const action = pushAction({ host: proxyHost });
      const repository = uniqueRepository('warm');
      const input = {
        registry: 'internal',
        repository,
        tag: 'v1',
        layout: 'image',
      };

      await action.handler(context(input));
      const cold = proxy.bytesFromClients;
      expect(cold).toBeGreaterThan(layerSizes.reduce((a, b) => a + b));

      proxy.bytesFromClients = 0;
      const second = context(input);
      await action.handler(second);
      // HEADs, a manifest PUT, TLS handshakes: a few KB, not the smallest layer.
      expect(proxy.bytesFromClients).toBeLessThan(30_000);
      expect(second.logger.info).toHaveBeenCalledWith(
        expect.stringMatching(
          /^pushed .* \(blobs sent: 0, mounted: 0, already there: 4\)$/,
        ),
      );
    } finally {
      await proxy.stop();
    }
  });

  it('mounts layers from a sibling repository instead of uploading them', async () => {
    await writeRandomImage(path.join(mockDir.path, 'image'), {
      layerSizes: [250_000, 150_000],
    });
    const action = pushAction();
    const first = uniqueRepository('mount-src');
    await action.handler(
      context({ registry: 'internal', repository: first, tag: 'a' }),
    );
    const ctx = context({
      registry: 'internal',
      repository: uniqueRepository('mount-dst'),
      mountFrom: [first],
    });
    await action.handler(ctx);
    expect(ctx.logger.info).toHaveBeenCalledWith(
      expect.stringMatching(/^pushed .* \(blobs sent: 0, mounted: 3, /),
    );
  });

  it('leaves no tag on a missing blob when the registry dies mid-push, and a retry completes', async () => {
    const image = await writeRandomImage(path.join(mockDir.path, 'image'), {
      layerSizes: [3_000_000, 1_000_000],
    });
    const [host, port] = lab.reg.host.split(':');
    const proxy = new TcpProxy({ host, port: Number(port) });
    const proxyHost = await proxy.start();
    const repository = uniqueRepository('killed');
    const client = lab.client();
    try {
      const action = pushAction(
        { host: proxyHost },
        { retry: fastRetry, chunkSize: 512 * 1024, concurrency: 1 },
      );
      const input = {
        registry: 'internal',
        repository,
        tag: 'release',
        layout: 'image',
      };

      // The registry goes away 1.5 MB into the push and stays away.
      proxy.killAfter(1_500_000);
      const failed = context(input);
      const error = await action.handler(failed).then(
        () => undefined,
        e => e as Error,
      );
      expect(error?.name).toBe('ServiceUnavailableError');
      expect(error?.message).toMatch(
        /^registry "internal" could not be reached .*no tag was written/,
      );
      expect(failed.logger.warn).toHaveBeenCalledWith(
        expect.stringMatching(
          /^blob sha256:[0-9a-f]{12}… upload interrupted at [\d.]+ (kB|MB) \(.+\); resuming, attempt 1$/,
        ),
      );
      expect(await client.hasManifest(repository, 'release')).toBe(false);
      expect(await client.hasManifest(repository, image.manifest.digest)).toBe(
        false,
      );

      // Back up: the same push completes and every blob of the tag is there.
      proxy.revive();
      const ctx = context(input);
      await action.handler(ctx);
      expect(outputs(ctx).digest).toBe(image.manifest.digest);
      const manifest = JSON.parse(
        (await client.getManifest(repository, 'release')).bytes.toString(),
      );
      for (const d of [manifest.config, ...manifest.layers]) {
        expect(await client.blobSize(repository, d.digest)).toBe(d.size);
      }
    } finally {
      client.close();
      await proxy.stop();
    }
  });

  it('resumes a chunked upload cut by a transient failure within the same push', async () => {
    const image = await writeRandomImage(path.join(mockDir.path, 'image'), {
      layerSizes: [2_500_000],
    });
    const [host, port] = lab.reg.host.split(':');
    const proxy = new TcpProxy({ host, port: Number(port) });
    const proxyHost = await proxy.start();
    try {
      const action = pushAction(
        { host: proxyHost },
        { retry: fastRetry, chunkSize: 512 * 1024 },
      );
      proxy.killAfter(1_200_000, { reviveAfterMs: 100 });
      const ctx = context({
        registry: 'internal',
        repository: uniqueRepository('flaky'),
        tag: 't',
        language: 'fr',
      });
      await action.handler(ctx);
      expect(outputs(ctx).digest).toBe(image.manifest.digest);
      // The French-speaking user reads why the push paused and that it goes on.
      expect(ctx.logger.warn).toHaveBeenCalledWith(
        expect.stringMatching(
          /^blob sha256:[0-9a-f]{12}… : envoi interrompu à [\d,]+ (ko|Mo) \(.+\) ; reprise, essai 1$/,
        ),
      );
    } finally {
      await proxy.stop();
    }
  });

  describe('clear errors', () => {
    beforeEach(async () => {
      await writeRandomImage(path.join(mockDir.path, 'image'), {
        layerSizes: [1000],
      });
    });

    it('refuses a bad repository name or tag before sending anything', async () => {
      const action = pushAction();
      await expect(
        action.handler(
          context({ registry: 'internal', repository: 'Team/App Name' }),
        ),
      ).rejects.toThrow(/invalid repository name "Team\/App Name"/);
      await expect(
        action.handler(
          context({
            registry: 'internal',
            repository: 'team/app',
            tag: '-bad:tag',
          }),
        ),
      ).rejects.toThrow(/invalid tag "-bad:tag"/);
    });

    it('names the configured registries when an unknown one is asked for', async () => {
      const action = pushAction();
      await expect(
        action.handler(
          context({ registry: 'nowhere', repository: 'team/app' }),
        ),
      ).rejects.toThrow(
        'no registry named "nowhere" in diehard.registries (configured: internal)',
      );
    });

    it('reports refused credentials without the password, in errors or logs', async () => {
      const password = 'wrong-Pa55word-not-to-leak';
      const action = pushAction({ password });
      const ctx = context({
        registry: 'internal',
        repository: uniqueRepository('auth'),
      });
      const error = await action.handler(ctx).then(
        () => undefined,
        e => e as Error,
      );
      expect(error?.name).toBe('AuthenticationError');
      expect(error?.message).toBe(
        `registry "internal" refused the configured credentials for user "${lab.reg.username}"`,
      );
      const everything = JSON.stringify([
        error?.message,
        error?.stack,
        (ctx.logger.info as jest.Mock).mock.calls,
        (ctx.logger.warn as jest.Mock).mock.calls,
        (ctx.logger.error as jest.Mock).mock.calls,
        (ctx.output as jest.Mock).mock.calls,
      ]);
      expect(everything).not.toContain(password);
      expect(everything).not.toContain(
        Buffer.from(`${lab.reg.username}:${password}`).toString('base64'),
      );
    });

    it('says when the workspace path is not an OCI layout', async () => {
      const action = pushAction();
      await expect(
        action.handler(
          context({
            registry: 'internal',
            repository: 'team/app',
            layout: 'missing',
          }),
        ),
      ).rejects.toThrow(/is not an OCI image layout/);
    });
  });

  it('only resolves the digest in dry-run mode', async () => {
    const image = await writeRandomImage(path.join(mockDir.path, 'image'), {
      layerSizes: [1000],
    });
    const repository = uniqueRepository('dry');
    const action = pushAction();
    const ctx = context(
      { registry: 'internal', repository, tag: 'x' },
      { isDryRun: true },
    );
    await action.handler(ctx);
    expect(outputs(ctx).digest).toBe(image.manifest.digest);
    const client = lab.client();
    try {
      expect(await client.hasManifest(repository, 'x')).toBe(false);
    } finally {
      client.close();
    }
  });

  it("speaks French when language is fr: the push, the dry run, a registry that can't be reached", async () => {
    const image = await writeRandomImage(path.join(mockDir.path, 'image'), {
      layerSizes: [1000],
    });
    const repository = uniqueRepository('fr');
    const ctx = context({ registry: 'internal', repository, language: 'fr' });
    await pushAction().handler(ctx);
    expect(ctx.logger.info).toHaveBeenCalledWith(
      `image poussée : ${lab.reg.host}/${repository}@${image.manifest.digest} (blobs envoyés : 2, montés : 0, déjà présents : 0)`,
    );
    // Each blob as it is sent: the layer and the config.
    const lines = (ctx.logger.info as jest.Mock).mock.calls.map(c => c[0]);
    expect(
      lines.filter(l =>
        /^blob sha256:[0-9a-f]{12}… envoyé \((\d+ octets|[\d,]+ ko)\)$/.test(l),
      ),
    ).toHaveLength(2);

    const dry = context(
      { registry: 'internal', repository, layout: 'none', language: 'fr-CA' },
      { isDryRun: true },
    );
    await pushAction().handler(dry);
    expect(dry.logger.info).toHaveBeenCalledWith(
      `essai à blanc : pas encore de layout d'image dans none ; pousserait vers ${lab.reg.host}/${repository}`,
    );

    const port = await freePort();
    const error = await pushAction(
      { host: `127.0.0.1:${port}` },
      { retry: fastRetry },
    )
      .handler(context({ registry: 'internal', repository, language: 'fr' }))
      .then(
        () => undefined,
        e => e as Error,
      );
    expect(error?.name).toBe('ServiceUnavailableError');
    expect(error?.message).toMatch(
      /^le registre « internal » est injoignable \(.+\) ; aucun tag n'a été écrit, relancer l'étape reprendra l'envoi là où il s'est arrêté$/,
    );
  });

  it('in dry-run mode without a layout (the build was skipped) says what it would push', async () => {
    const action = pushAction();
    const ctx = context(
      { registry: 'internal', repository: 'team/app', tag: '2.0' },
      { isDryRun: true },
    );
    await action.handler(ctx);
    expect(outputs(ctx).reference).toBe(`${lab.reg.host}/team/app:2.0`);
  });
});
