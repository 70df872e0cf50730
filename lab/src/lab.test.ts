import { execFile } from 'node:child_process';
import fsp from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { labPaths } from './paths';
import { isAlive } from './util/process';

jest.setTimeout(120_000);

const cli = path.join(labPaths().labDir, 'bin', 'diehard-lab');

describe('the lab command line', () => {
  // A private lab (own state dir, ports shifted) so that the shared one is untouched.
  let env: NodeJS.ProcessEnv;
  const lab = (...args: string[]) =>
    promisify(execFile)(process.execPath, [cli, ...args], { env });

  beforeAll(async () => {
    const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'diehard-lab-cli-'));
    env = {
      ...process.env,
      DIEHARD_LAB_DIR: dir,
      DIEHARD_LAB_PORT_OFFSET: '31000',
    };
  });

  afterAll(async () => {
    await lab('down').catch(() => {});
    await fsp.rm(env.DIEHARD_LAB_DIR!, { recursive: true, force: true });
  });

  it('starts a component once when two processes ask for it at the same time', async () => {
    const [a, b] = await Promise.all([
      lab('up', 'postgres'),
      lab('up', 'postgres'),
    ]);

    const output = `${a.stderr}\n${b.stderr}`;
    expect(output.match(/postgres: starting/g)).toHaveLength(1);
    expect(
      output.match(/postgres: reusing the running instance/g),
    ).toHaveLength(1);
    const status = (await lab('status')).stdout;
    expect(status).toMatch(/^postgres\s+running\s+postgres\[\d+\]/m);

    const exported = (await lab('env')).stdout;
    expect(exported).toContain(
      `export DIEHARD_POSTGRES_PORT='${15432 + 31000}'`,
    );
    const json = JSON.parse((await lab('env', '--json')).stdout);
    expect(json.postgres.connectionString).toMatch(/^postgresql:\/\/diehard:/);
  });

  it('stops what it started, by PID', async () => {
    const pid = Number(
      (await lab('status')).stdout.match(/postgres\[(\d+)\]/)![1],
    );
    await lab('down');
    expect(isAlive(pid)).toBe(false); // (a zombie awaiting its reaper counts as gone)
    expect((await lab('status')).stdout).toMatch(/^postgres\s+stopped/m);
  });

  it('refuses to start a component whose port another program holds, and says which', async () => {
    const port = 15000 + 31000; // the registry's, with this lab's offset
    const squatter = net.createServer();
    await new Promise<void>(resolve =>
      squatter.listen(port, '127.0.0.1', resolve),
    );
    try {
      await expect(lab('up', 'registry')).rejects.toMatchObject({
        code: 1,
        stderr: expect.stringContaining(
          `port ${port} on 127.0.0.1 is already taken by another program`,
        ),
      });
      expect((await lab('status')).stdout).toMatch(/^registry\s+stopped/m);
    } finally {
      await new Promise(resolve => squatter.close(resolve));
    }
  });

  it('names the control planes it knows when given another', async () => {
    await expect(
      lab('up', 'kubernetes', '--control-plane', 'triple'),
    ).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining(
        'invalid lab options (controlPlane: must be "single" or "ha")',
      ),
    });
  });

  it('names the components it knows when given another', async () => {
    await expect(lab('up', 'mongodb')).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining(
        'unknown lab component "mongodb" (components: postgres, registry, kubernetes, galera, tomcat, git, oidc)',
      ),
    });
  });
});
