// Adds Diehard to a created Backstage app the way the plugins' READMEs say, from packed
// tarballs only: each package a dependency by its published name and range, every
// @diehard/* package resolved to its tarball (root `resolutions`), the backend features
// added with `backend.add(import(...))`. The frontend needs no code: the created app
// discovers plugins from packages/app's dependencies (`app.packages: all`).
//
//   node wire.mjs APP_DIR TARBALL_DIR   (TARBALL_DIR inside APP_DIR)
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const [appDir, tarballDir] = process.argv.slice(2);
if (!appDir || !tarballDir) throw new Error('usage: wire.mjs APP_DIR TARBALL_DIR');

const frontend = [
  '@diehard/plugin-ha-posture',
  '@diehard/plugin-handoff-review',
  '@diehard/plugin-scaffolder-diehard',
];
const backend = [
  '@diehard/plugin-ha-posture-backend',
  '@diehard/plugin-handoff-review-backend',
  '@diehard/plugin-scaffolder-backend-module-diehard',
];

const packed = new Map();
for (const file of readdirSync(tarballDir).filter(f => f.endsWith('.tgz'))) {
  const manifest = JSON.parse(
    execFileSync('tar', ['xzOf', join(tarballDir, file), 'package/package.json'], {
      encoding: 'utf8',
    }),
  );
  packed.set(manifest.name, { file, version: manifest.version });
}
for (const name of [...frontend, ...backend]) {
  if (!packed.has(name)) {
    console.error(`no tarball of ${name} in ${tarballDir}`);
    process.exit(1);
  }
}

const editJson = (file, edit) => {
  const json = JSON.parse(readFileSync(file, 'utf8'));
  edit(json);
  writeFileSync(file, `${JSON.stringify(json, null, 2)}\n`);
};

editJson(join(appDir, 'package.json'), root => {
  root.resolutions ??= {};
  for (const [name, { file }] of packed) {
    root.resolutions[name] = `file:./${relative(appDir, join(tarballDir, file))}`;
  }
});
const addDependencies = (workspace, names) =>
  editJson(join(appDir, workspace, 'package.json'), pkg => {
    for (const name of names) pkg.dependencies[name] = `^${packed.get(name).version}`;
  });
addDependencies('packages/app', frontend);
addDependencies('packages/backend', backend);

const index = join(appDir, 'packages/backend/src/index.ts');
const source = readFileSync(index, 'utf8');
if (!source.includes('backend.start();')) {
  console.error('the created backend has no `backend.start();` line to add features before');
  process.exit(1);
}
const adds = backend.map(name => `backend.add(import('${name}'));`).join('\n');
writeFileSync(index, source.replace('backend.start();', `${adds}\n\nbackend.start();`));
console.log(
  `frontend: ${frontend.join(', ')}\nbackend: ${backend.join(', ')}\n${packed.size} tarballs resolved`,
);
