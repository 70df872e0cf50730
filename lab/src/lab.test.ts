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

  let offset: number;

  beforeAll(async () => {
    const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'diehard-lab-cli-'));
    offset = await freeOffset();
    env = {
      ...process.env,
      DIEHARD_LAB_DIR: dir,
      DIEHARD_LAB_PORT_OFFSET: String(offset),
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
      `export DIEHARD_POSTGRES_PORT='${15432 + offset}'`,
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
    const port = 15000 + offset; // the registry's, with this lab's offset
    const squatter = await listenOn(port);
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

/** Listens on a loopback port, or rejects at once when another program holds it. */
function listenOn(port: number): Promise<net.Server> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

/**
 * An offset whose postgres and registry ports are free now. The candidates keep every lab
 * port below Linux's ephemeral range (32768 and up), where any outgoing connection of the
 * machine may hold a port for a while; the other labs of the suites use 0, 10000 and 11000.
 */
async function freeOffset(): Promise<number> {
  for (const candidate of [5000, 6000, 7000, 8000, 9000]) {
    const held = await Promise.all(
      [15432, 15000].map(port =>
        listenOn(port + candidate).then(
          server => new Promise(resolve => server.close(() => resolve(false))),
          () => true,
        ),
      ),
    );
    if (!held.includes(true)) return candidate;
  }
  throw new Error('no free port offset for a private lab among 5000-9000');
}
