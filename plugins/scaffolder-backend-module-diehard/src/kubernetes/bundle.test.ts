import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createMockDirectory } from '@backstage/backend-test-utils';
import { loadBundle } from './bundle';

const CONFIG_MAP = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: web}\n';

async function failure(paths: string[], workspace: string) {
  return loadBundle(paths, workspace).then(
    () => undefined,
    e => e as Error,
  );
}

describe('loadBundle', () => {
  it('reads YAML as kubectl does: merge keys applied, 0644 octal', async () => {
    const dir = createMockDirectory({
      content: {
        'manifests/web.yaml': [
          'apiVersion: v1',
          'kind: ConfigMap',
          'metadata:',
          '  name: web',
          '  annotations: &common {team: shop}',
          '  labels: {<<: *common, tier: front}',
          '---',
          'apiVersion: v1',
          'kind: Pod',
          'metadata: {name: web}',
          'spec:',
          '  volumes: [{name: conf, configMap: {name: web, defaultMode: 0644}}]',
        ].join('\n'),
      },
    });
    const bundle = await loadBundle([dir.resolve('manifests')], dir.path);
    expect(bundle.map(b => [b.source, b.object.metadata.labels])).toEqual([
      ['manifests/web.yaml', { team: 'shop', tier: 'front' }],
      ['manifests/web.yaml', undefined],
    ]);
    // As 644, the API server would refuse the Pod: a mode is at most 0777.
    expect(
      (bundle[1].object.spec as any).volumes[0].configMap.defaultMode,
    ).toBe(0o644);
  });

  it('reads nothing outside the workspace: a link is refused by its path in the workspace', async () => {
    const dir = createMockDirectory({
      content: { 'manifests/web.yaml': CONFIG_MAP },
    });
    fs.symlinkSync('/etc/passwd', path.join(dir.path, 'manifests/server.yaml'));
    const error = await failure([dir.resolve('manifests')], dir.path);
    expect(error?.message).toBe(
      'manifest path manifests/server.yaml is a link: only files are read',
    );
    expect(error?.message).not.toContain(dir.path);
  });

  it('does not follow a folder linked to itself', async () => {
    const dir = createMockDirectory({
      content: { 'manifests/web.yaml': CONFIG_MAP },
    });
    fs.symlinkSync('.', path.join(dir.path, 'manifests/loop'));
    await expect(
      loadBundle([dir.resolve('manifests')], dir.path),
    ).rejects.toThrow('manifest path manifests/loop is a link');
  });

  it('refuses a FIFO instead of waiting on it', async () => {
    const dir = createMockDirectory({
      content: { 'manifests/web.yaml': CONFIG_MAP },
    });
    execFileSync('mkfifo', [path.join(dir.path, 'manifests/pipe.yaml')]);
    await expect(
      loadBundle([dir.resolve('manifests')], dir.path),
    ).rejects.toThrow(
      'manifest path manifests/pipe.yaml is not a regular file or a folder',
    );
  });

  it('names a missing path by its place in the workspace, not the server’s', async () => {
    const dir = createMockDirectory({ content: {} });
    const error = await failure([dir.resolve('nothing-here')], dir.path);
    expect(error?.message).toBe('manifest path nothing-here does not exist');
  });

  it('refuses a file larger than it reads, before reading it', async () => {
    const dir = createMockDirectory({ content: { 'manifests/big.yaml': '' } });
    fs.truncateSync(dir.resolve('manifests/big.yaml'), 17 * 1024 * 1024);
    await expect(
      loadBundle([dir.resolve('manifests')], dir.path),
    ).rejects.toThrow('manifest file manifests/big.yaml is larger than 16 MiB');
  });
});
