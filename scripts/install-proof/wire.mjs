// Adds Diehard to a created Backstage app the way the plugins' READMEs say, from packed
// tarballs only: each package a dependency by its published name and range, every
// @diehard/* package resolved to its tarball (root `resolutions`), the backend features
// added with `backend.add(import(...))`. An app of the new frontend system needs no code:
// it discovers plugins from packages/app's dependencies (`app.packages: all`). With
// --legacy, the app is one of the legacy system (`create-app --legacy`), and its App.tsx,
// apis.ts, Root.tsx and EntityPage.tsx get the lines the READMEs' legacy sections show.
//
//   node wire.mjs APP_DIR TARBALL_DIR [--legacy]
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const [appDir, tarballDir, kind] = process.argv.slice(2);
if (!appDir || !tarballDir || (kind && kind !== '--legacy'))
  throw new Error('usage: wire.mjs APP_DIR TARBALL_DIR [--legacy]');
const legacy = kind === '--legacy';

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

/** Replaces `anchor` (which must be there, once) in an app's source file by `edit(anchor)`. */
const editSource = (file, anchor, edit) => {
  const path = join(appDir, file);
  const source = readFileSync(path, 'utf8');
  if (source.split(anchor).length !== 2) {
    console.error(`${file} of the created app has no single ${JSON.stringify(anchor)}`);
    process.exit(1);
  }
  writeFileSync(path, source.replace(anchor, edit(anchor)));
};
if (legacy) {
  // ScaffolderFieldExtensions comes from scaffolder-react, which the created app has
  // installed (through the scaffolder plugin) but does not declare.
  const scaffolderReact = JSON.parse(
    readFileSync(
      join(appDir, 'node_modules/@backstage/plugin-scaffolder-react/package.json'),
      'utf8',
    ),
  ).version;
  editJson(join(appDir, 'packages/app/package.json'), pkg => {
    pkg.dependencies['@backstage/plugin-scaffolder-react'] = `^${scaffolderReact}`;
  });
  const app = 'packages/app/src/App.tsx';
  editSource(app, "import { apis } from './apis';", a => `${a}
import { ScaffolderFieldExtensions } from '@backstage/plugin-scaffolder-react';
import {
  HaPosturePage,
  haPostureTranslations,
} from '@diehard/plugin-ha-posture';
import {
  HandoffReviewsPage,
  handoffReviewTranslations,
} from '@diehard/plugin-handoff-review';
import {
  DiehardClusterPickerFieldExtension,
  DiehardEntityNameFieldExtension,
  DiehardGaleraClusterFieldExtension,
  DiehardIngressHostFieldExtension,
  DiehardNamespacePickerFieldExtension,
  DiehardStorageClassFieldExtension,
  DiehardUserLanguageFieldExtension,
  scaffolderDiehardTranslations,
} from '@diehard/plugin-scaffolder-diehard';`);
  editSource(app, 'const app = createApp({\n  apis,', a => `${a}
  __experimentalTranslations: {
    availableLanguages: ['en', 'fr'],
    resources: [
      haPostureTranslations,
      handoffReviewTranslations,
      scaffolderDiehardTranslations,
    ],
  },`);
  editSource(
    app,
    '<Route path="/create" element={<ScaffolderPage />} />',
    () => `<Route path="/create" element={<ScaffolderPage />}>
      <ScaffolderFieldExtensions>
        <DiehardClusterPickerFieldExtension />
        <DiehardNamespacePickerFieldExtension />
        <DiehardEntityNameFieldExtension />
        <DiehardGaleraClusterFieldExtension />
        <DiehardStorageClassFieldExtension />
        <DiehardIngressHostFieldExtension />
        <DiehardUserLanguageFieldExtension />
      </ScaffolderFieldExtensions>
    </Route>
    <Route path="/ha-posture" element={<HaPosturePage />} />
    <Route path="/handoff-reviews" element={<HandoffReviewsPage />} />`,
  );
  const root = 'packages/app/src/components/Root/Root.tsx';
  editSource(root, "import MenuIcon from '@material-ui/icons/Menu';", a => `${a}
import SecurityIcon from '@material-ui/icons/Security';
import AssignmentTurnedInIcon from '@material-ui/icons/AssignmentTurnedIn';`);
  editSource(
    root,
    '<SidebarItem icon={CreateComponentIcon} to="create" text="Create..." />',
    a => `${a}
        <SidebarItem icon={SecurityIcon} to="ha-posture" text="HA posture" />
        <SidebarItem
          icon={AssignmentTurnedInIcon}
          to="handoff-reviews"
          text="Handoff reviews"
        />`,
  );
  const apis = 'packages/app/src/apis.ts';
  editSource(apis, "import { UserSettingsStorage } from '@backstage/plugin-user-settings';", a => `${a}
import {
  translatingCatalogApiFactory,
  translatingScaffolderApiFactory,
} from '@diehard/plugin-scaffolder-diehard';`);
  editSource(apis, 'export const apis: AnyApiFactory[] = [', a => `${a}
  translatingScaffolderApiFactory,
  translatingCatalogApiFactory,`);
  const entityPage = 'packages/app/src/components/catalog/EntityPage.tsx';
  editSource(entityPage, "import { Button, Grid } from '@material-ui/core';", a => `${a}
import {
  EntityHaPostureCard,
  EntityHaPostureContent,
} from '@diehard/plugin-ha-posture';
import {
  EntityHandoffReviewContent,
  EntityHandoffReviewStatus,
} from '@diehard/plugin-handoff-review';`);
  editSource(
    entityPage,
    `    <Grid item md={8} xs={12}>
      <EntityHasSubcomponentsCard />
    </Grid>
  </Grid>
);`,
    a => a.replace(
      '  </Grid>\n);',
      `    <Grid item md={6} xs={12}>
      <EntityHaPostureCard sections={[<EntityHandoffReviewStatus />]} />
    </Grid>
  </Grid>
);`,
    ),
  );
  editSource(
    entityPage,
    `    <EntityLayout.Route path="/docs" title="Docs">
      {techdocsContent}
    </EntityLayout.Route>
  </EntityLayout>
);

const websiteEntityPage`,
    a => a.replace(
      '  </EntityLayout>',
      `    <EntityLayout.Route path="/ha-posture" title="HA posture">
      <EntityHaPostureContent />
    </EntityLayout.Route>

    <EntityLayout.Route path="/handoff-review" title="Handoff review">
      <EntityHandoffReviewContent />
    </EntityLayout.Route>
  </EntityLayout>`,
    ),
  );
}

const index = join(appDir, 'packages/backend/src/index.ts');
const source = readFileSync(index, 'utf8');
if (!source.includes('backend.start();')) {
  console.error('the created backend has no `backend.start();` line to add features before');
  process.exit(1);
}
const adds = backend.map(name => `backend.add(import('${name}'));`).join('\n');
writeFileSync(index, source.replace('backend.start();', `${adds}\n\nbackend.start();`));
console.log(
  `frontend: ${frontend.join(', ')}${
    legacy ? ' (App.tsx, apis.ts, Root.tsx and EntityPage.tsx of the legacy app)' : ''
  }\nbackend: ${backend.join(', ')}\n${packed.size} tarballs resolved`,
);
