import { execFileSync } from 'node:child_process';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { ActionContext } from '@backstage/plugin-scaffolder-node';
import { JsonObject } from '@backstage/types';
import {
  ImageManifest,
  OciLayout,
  pushImage,
} from '@diehard/plugin-container-images-node';
import { createImageBuildAction } from './imageBuild';
import { useLabRegistry, uniqueRepository } from '../__testUtils__/labRegistry';
import { actionContext, outputsOf } from '../__testUtils__/actionContext';

jest.setTimeout(180_000);

describe('diehard:image:build', () => {
  const lab = useLabRegistry();
  const { mockDir } = lab;

  beforeEach(() => {
    mockDir.clear();
    mockDir.setContent({
      'target/ROOT.war': 'PK fake war bytes',
      'conf/server.xml': '<Server port="-1"/>',
      'conf/logging.properties': 'handlers = java.util.logging.ConsoleHandler',
      'bin/start.sh': '#!/bin/sh\nexec catalina.sh run\n',
    });
  });

  const context = (input: JsonObject, extra?: Partial<ActionContext<any>>) =>
    actionContext(mockDir.path, input, extra);

  async function readImage(dir: string) {
    const layout = await OciLayout.open(path.join(mockDir.path, dir));
    const desc = await layout.resolve('latest');
    const manifest = await layout.readJson<ImageManifest>(desc.digest);
    const config = await layout.readJson<any>(manifest.config.digest);
    return { layout, desc, manifest, config };
  }

  const nativeInput = (output: string) => ({
    builder: 'native',
    output,
    layers: [
      { from: 'conf', to: '/usr/local/tomcat/conf' },
      { from: 'target/ROOT.war', to: '/usr/local/tomcat/webapps/ROOT.war' },
    ],
    entrypoint: ['/usr/local/tomcat/bin/catalina.sh', 'run'],
    env: { CATALINA_OPTS: '-Xmx512m' },
    exposedPorts: ['8080'],
    source: 'https://git.example.com/team/petclinic',
  });

  describe('native', () => {
    const action = () =>
      createImageBuildAction({
        registries: lab.registries(),
      });

    it('writes an OCI layout whose layers are valid tars with the workspace files', async () => {
      const ctx = context(nativeInput('image'));
      await action().handler(ctx);
      const { manifest, config, layout, desc } = await readImage('image');
      expect(outputsOf(ctx).digest).toBe(desc.digest);
      expect(manifest.layers).toHaveLength(2);
      expect(config.config.Entrypoint).toEqual([
        '/usr/local/tomcat/bin/catalina.sh',
        'run',
      ]);
      expect(config.config.Env).toEqual(['CATALINA_OPTS=-Xmx512m']);
      expect(config.config.ExposedPorts).toEqual({ '8080/tcp': {} });
      expect(config.config.Labels['org.opencontainers.image.source']).toBe(
        'https://git.example.com/team/petclinic',
      );
      expect(config.rootfs.diff_ids).toHaveLength(2);

      // GNU tar reads our layers back.
      const listing = execFileSync(
        'tar',
        ['-tzvf', layout.blobPath(manifest.layers[0].digest)],
        { encoding: 'utf8' },
      );
      expect(listing).toContain('usr/local/tomcat/conf/server.xml');
      expect(listing).toMatch(
        /-rw-r--r-- 0\/0 .*1970-01-01 00:00 usr\/local\/tomcat\/conf\/logging.properties/,
      );
      const out = path.join(mockDir.path, 'x');
      await fsp.mkdir(out);
      execFileSync('tar', [
        '-xzf',
        layout.blobPath(manifest.layers[1].digest),
        '-C',
        out,
      ]);
      expect(
        await fsp.readFile(
          path.join(out, 'usr/local/tomcat/webapps/ROOT.war'),
          'utf8',
        ),
      ).toBe('PK fake war bytes');
    });

    it("is reproducible: same inputs give the same digest, whatever the files' mtimes", async () => {
      const first = context(nativeInput('a'));
      await action().handler(first);
      await fsp.utimes(
        path.join(mockDir.path, 'conf/server.xml'),
        new Date(),
        new Date(Date.now() - 3600_000),
      );
      const second = context(nativeInput('b'));
      await action().handler(second);
      expect(outputsOf(second).digest).toBe(outputsOf(first).digest);

      await fsp.writeFile(
        path.join(mockDir.path, 'target/ROOT.war'),
        'PK other bytes',
      );
      const third = context(nativeInput('c'));
      await action().handler(third);
      expect(outputsOf(third).digest).not.toBe(outputsOf(first).digest);
    });

    it('builds on a base image from the registry and the push mounts its layers', async () => {
      const client = lab.client();
      try {
        // A base image: built natively from scratch, pushed to the lab registry.
        await action().handler(
          context({
            builder: 'native',
            output: 'base',
            layers: [{ from: 'bin', to: '/opt/bin' }],
            env: { A: '1', B: '2' },
            cmd: ['/opt/bin/start.sh'],
          }),
        );
        const baseRepo = uniqueRepository('base');
        const baseLayout = await OciLayout.open(
          path.join(mockDir.path, 'base'),
        );
        await pushImage(client, baseLayout, { repository: baseRepo, tag: '1' });

        const ctx = context({
          builder: 'native',
          base: { registry: 'internal', image: `${baseRepo}:1` },
          layers: [{ from: 'target/ROOT.war', to: '/app/ROOT.war' }],
          env: { B: 'two', C: '3' },
          entrypoint: ['/opt/bin/start.sh'],
        });
        await action().handler(ctx);
        expect(outputsOf(ctx).baseRepository).toBe(baseRepo);
        const { manifest, config, layout } = await readImage('image');
        expect(manifest.layers).toHaveLength(2);
        expect(config.config.Env).toEqual(['A=1', 'B=two', 'C=3']);
        expect(config.config.Cmd).toBeNull();

        const pushed = await pushImage(client, layout, {
          repository: uniqueRepository('app'),
          tag: '1',
          mountFrom: [baseRepo],
        });
        expect(pushed.blobs).toEqual({ uploaded: 2, existing: 0, mounted: 1 });
      } finally {
        client.close();
      }
    });

    it('speaks French when language is fr: the digest built, a build with nothing to build, a skipped Dockerfile build', async () => {
      const ctx = context({ ...nativeInput('image'), language: 'fr' });
      await action().handler(ctx);
      expect(ctx.logger.info).toHaveBeenCalledWith(
        `image construite : ${outputsOf(ctx).digest}`,
      );
      await expect(
        action().handler(context({ builder: 'native', language: 'fr' })),
      ).rejects.toThrow(
        'une construction native demande une image de base, des couches, ou les deux',
      );
      await expect(
        action().handler(
          context({
            ...nativeInput('image'),
            created: 'hier',
            language: 'fr',
          }),
        ),
      ).rejects.toThrow(`created « hier » n'est pas un horodatage ISO`);
      const dry = context(
        { builder: 'dockerfile', language: 'fr' },
        { isDryRun: true },
      );
      await action().handler(dry);
      expect(dry.logger.info).toHaveBeenCalledWith(
        'essai à blanc : la construction du Dockerfile avec buildah est sautée',
      );
    });

    it('refuses paths outside the workspace and relative image paths', async () => {
      await expect(
        action().handler(
          context({
            builder: 'native',
            layers: [{ from: '../../etc', to: '/etc' }],
          }),
        ),
      ).rejects.toThrow(/outside/);
      await expect(
        action().handler(
          context({
            builder: 'native',
            layers: [{ from: 'conf', to: 'conf' }],
          }),
        ),
      ).rejects.toThrow('image path "conf" must be absolute');
    });
  });

  describe('dockerfile (buildah)', () => {
    it('builds FROM an image of the lab registry and exports an OCI layout that pushes', async () => {
      const client = lab.client();
      try {
        const action = createImageBuildAction({
          registries: lab.registries(),
        });
        await action.handler(
          context({
            builder: 'native',
            output: 'base',
            layers: [{ from: 'bin', to: '/opt/bin' }],
          }),
        );
        const baseRepo = uniqueRepository('buildah-base');
        await pushImage(
          client,
          await OciLayout.open(path.join(mockDir.path, 'base')),
          { repository: baseRepo, tag: '1' },
        );

        await fsp.writeFile(
          path.join(mockDir.path, 'Dockerfile'),
          `FROM ${lab.reg.host}/${baseRepo}:1\nARG VERSION\nCOPY target/ROOT.war /usr/local/tomcat/webapps/ROOT.war\nENV APP_VERSION=$VERSION\nENTRYPOINT ["/opt/bin/start.sh"]\n`,
        );
        const ctx = context({
          builder: 'dockerfile',
          buildArgs: { VERSION: '1.2.3' },
          source: 'https://git.example.com/x',
        });
        await action.handler(ctx);
        // buildah's progress, from both its streams, as plain lines of the task log.
        const logged = jest.mocked(ctx.logger.info).mock.calls.map(([m]) => m);
        expect(logged).toEqual(
          expect.arrayContaining([
            expect.stringMatching(/^STEP 1\/\d+: FROM /),
            'Getting image source signatures',
          ]),
        );
        expect(logged.filter(m => !m.trim() || m.includes('\x1b'))).toEqual([]);
        expect(ctx.logger.warn).not.toHaveBeenCalled();
        const { manifest, config, desc, layout } = await readImage('image');
        expect(outputsOf(ctx).digest).toBe(desc.digest);
        expect(manifest.layers.length).toBe(2);
        expect(config.config.Entrypoint).toEqual(['/opt/bin/start.sh']);
        expect(config.config.Env).toContain('APP_VERSION=1.2.3');
        expect(config.config.Labels['org.opencontainers.image.source']).toBe(
          'https://git.example.com/x',
        );

        const pushed = await pushImage(client, layout, {
          repository: uniqueRepository('buildah'),
          tag: '1',
        });
        expect(pushed.digest).toBe(desc.digest);
      } finally {
        client.close();
      }
    });

    it('is skipped in a template dry run', async () => {
      const action = createImageBuildAction({
        registries: lab.registries(),
      });
      await fsp.writeFile(
        path.join(mockDir.path, 'Dockerfile'),
        'FROM scratch\nCOPY target/ROOT.war /x\n',
      );
      const ctx = context({ builder: 'dockerfile' }, { isDryRun: true });
      await action.handler(ctx);
      expect(ctx.output).not.toHaveBeenCalled();
      await expect(
        fsp.stat(path.join(mockDir.path, 'image')),
      ).rejects.toThrow();
    });

    it("fails with buildah's reason when the Dockerfile is wrong", async () => {
      const action = createImageBuildAction({
        registries: lab.registries(),
      });
      await fsp.writeFile(
        path.join(mockDir.path, 'Dockerfile'),
        'FROM scratch\nCOPY missing-file /x\n',
      );
      await expect(
        action.handler(context({ builder: 'dockerfile' })),
      ).rejects.toThrow(/buildah bud failed .*missing-file/);
    });
  });
});
