import crypto from 'node:crypto';
import fsp from 'node:fs/promises';
import path from 'node:path';

export async function readJson<T>(file: string): Promise<T | undefined> {
  try {
    return JSON.parse(await fsp.readFile(file, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

/** Writes atomically (rename), readable by the owner only: endpoints hold passwords. */
export async function writeJson(file: string, value: unknown) {
  await fsp.mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  await fsp.writeFile(tmp, `${JSON.stringify(value, null, 2)}\n`, {
    mode: 0o600,
  });
  await fsp.rename(tmp, file);
}

export async function exists(file: string) {
  return fsp.access(file).then(
    () => true,
    () => false,
  );
}

/** The password kept in `file`: made (random, readable by the owner only) the first time. */
export async function ensurePassword(file: string): Promise<string> {
  if (!(await exists(file))) {
    await fsp.writeFile(file, crypto.randomBytes(18).toString('base64url'), {
      mode: 0o600,
    });
  }
  return (await fsp.readFile(file, 'utf8')).trim();
}
