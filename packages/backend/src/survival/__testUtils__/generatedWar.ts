import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { labPaths } from '@diehard/lab';

const cacheRoot = () => path.join(labPaths().cacheDir, 'generated-war');

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap(e =>
      e.isDirectory()
        ? filesUnder(path.join(dir, e.name))
        : [path.join(dir, e.name)],
    )
    .sort();
}

/**
 * What the WAR is built from: pom.xml and src/main. The service's name only labels the
 * build (artifactId, display-name), so it is left out and one build serves every suite.
 */
export function warSourceHash(project: string, serviceName: string): string {
  const hash = crypto.createHash('sha256');
  for (const file of [
    path.join(project, 'pom.xml'),
    ...filesUnder(path.join(project, 'src', 'main')),
  ]) {
    hash.update(path.relative(project, file));
    hash.update(
      fs.readFileSync(file, 'utf8').split(serviceName).join('@name@'),
    );
  }
  return hash.digest('hex').slice(0, 24);
}

function mvnPackage(project: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const mvn = spawn('mvn', ['-B', '-q', 'package', '-DskipTests'], {
      cwd: project,
    });
    let output = '';
    mvn.stdout.on('data', d => (output += d));
    mvn.stderr.on('data', d => (output += d));
    mvn.on('error', reject);
    mvn.on('close', code =>
      code === 0
        ? resolve()
        : reject(new Error(`mvn package failed (${code}):\n${output}`)),
    );
  });
}

/**
 * The generated project's ROOT.war, built by Maven once per distinct source and kept
 * in the lab's cache (a rename makes a concurrent build by another suite harmless).
 */
export async function generatedWar(
  project: string,
  serviceName: string,
): Promise<string> {
  const dir = path.join(cacheRoot(), warSourceHash(project, serviceName));
  const war = path.join(dir, 'ROOT.war');
  if (fs.existsSync(war)) return war;
  await mvnPackage(project);
  fs.mkdirSync(dir, { recursive: true });
  const partial = path.join(dir, `ROOT.war.${process.pid}`);
  fs.copyFileSync(path.join(project, 'target', 'ROOT.war'), partial);
  fs.renameSync(partial, war);
  return war;
}
