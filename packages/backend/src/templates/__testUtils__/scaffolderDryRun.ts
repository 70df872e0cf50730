import fs from 'node:fs';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import path from 'node:path';
import YAML from 'yaml';
import type { JsonObject } from '@backstage/types';
import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  createTemplateAction,
  scaffolderActionsExtensionPoint,
  TemplateAction,
} from '@backstage/plugin-scaffolder-node';
import { KUBERNETES_YAML_OPTIONS } from '@diehard/plugin-ha-posture-common';
import {
  createCatalogCheckNameAction,
  createCatalogWaitAction,
  createKubernetesApplyAction,
  createKubernetesCheckTargetAction,
  createPostureGateAction,
} from '@diehard/plugin-scaffolder-backend-module-diehard';

/** templates/ at the repository root. */
export const templatesDir = path.resolve(__dirname, '../../../../../templates');

/** Every file of a template's directory, as the portal's template editor sends them. */
export function directoryContents(
  templateName: string,
): Array<{ path: string; base64Content: string }> {
  const root = path.join(templatesDir, templateName);
  const out: Array<{ path: string; base64Content: string }> = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const abs = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(abs);
      else
        out.push({
          path: path.relative(root, abs).split(path.sep).join('/'),
          base64Content: fs.readFileSync(abs).toString('base64'),
        });
    }
  };
  walk(root);
  return out;
}

export function readTemplate(templateName: string): any {
  return YAML.parse(
    fs.readFileSync(
      path.join(templatesDir, templateName, 'template.yaml'),
      'utf8',
    ),
  );
}

export interface DryRunResponse {
  status: number;
  /** The JSON body: `errors` on a 400, `error` on a failure, else log/output/steps. */
  body: any;
  /** Generated files by path (only on success). */
  files: Map<string, string>;
  /** The task log, one message per line. */
  log: string[];
  /** The Diehard actions (real or stand-in) whose handler ran, in order. */
  actionsRun: string[];
}

export interface ScaffolderUnderTest {
  dryRun(
    templateName: string,
    values: Record<string, unknown>,
    options?: { template?: any },
  ): Promise<DryRunResponse>;
  stop(): Promise<void>;
}

/**
 * Stand-ins for the actions a dry run cannot exercise here: the build's preflight
 * and the image build (buildah, skipped by the scaffolder in a dry run anyway), the
 * push (no image to push once the build is skipped), and the git publish action and its
 * check. They
 * answer what the real ones would, so that later steps see realistic outputs.
 */
function standInActions(registryHost: string): TemplateAction<any, any, any>[] {
  return [
    createTemplateAction({
      id: 'diehard:image:check-build',
      description:
        'stand-in: a dry run builds and pushes nothing, so nothing is checked',
      supportsDryRun: true,
      async handler() {},
    }),
    createTemplateAction({
      id: 'diehard:image:build',
      description: 'stand-in: builds nothing',
      supportsDryRun: false,
      async handler() {},
    }),
    createTemplateAction({
      id: 'diehard:image:push',
      description: 'stand-in: pushes nothing, answers a pinned reference',
      supportsDryRun: true,
      schema: {
        input: {
          registry: z => z.string(),
          repository: z => z.string(),
          tag: z => z.string().optional(),
          layout: z => z.string().optional(),
        },
        output: {
          reference: z => z.string(),
          digest: z => z.string(),
        },
      },
      async handler(ctx) {
        const digest = `sha256:${'ab'.repeat(32)}`;
        ctx.output('digest', digest);
        ctx.output(
          'reference',
          `${registryHost}/${ctx.input.repository}@${digest}`,
        );
      },
    }),
    createTemplateAction({
      id: 'diehard:git:check-push',
      description:
        'stand-in: no git server here, so the repository name is taken as free',
      supportsDryRun: true,
      async handler() {},
    }),
    createTemplateAction({
      id: 'diehard:git:push',
      description: 'stand-in for the git smart-HTTP publish action',
      supportsDryRun: true,
      schema: {
        input: {
          remoteUrl: z => z.string().url(),
          defaultBranch: z => z.string().optional(),
          commitMessage: z => z.string().optional(),
        },
        output: {
          remoteUrl: z => z.string(),
          catalogInfoUrl: z => z.string(),
        },
      },
      async handler(ctx) {
        ctx.output('remoteUrl', ctx.input.remoteUrl);
        ctx.output(
          'catalogInfoUrl',
          `${ctx.input.remoteUrl.replace(/\.git$/, '')}/catalog-info.yaml`,
        );
      },
    }),
  ];
}

function post(port: number, urlPath: string, body: unknown) {
  const data = Buffer.from(JSON.stringify(body));
  return new Promise<{ status: number; body: any }>((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path: urlPath,
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'content-length': data.length,
        },
      },
      res => {
        const chunks: Buffer[] = [];
        res.on('data', c => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed: any = text;
          try {
            parsed = JSON.parse(text);
          } catch {
            // not JSON: keep the text
          }
          resolve({ status: res.statusCode ?? 0, body: parsed });
        });
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

/** The same action, noting in `ran` each time its handler starts. */
function recorded(
  action: TemplateAction<any, any, any>,
  ran: string[],
): TemplateAction<any, any, any> {
  return {
    ...action,
    handler: ctx => {
      ran.push(action.id);
      return action.handler(ctx);
    },
  };
}

/**
 * Starts the real scaffolder backend plugin (Backstage's template engine, its built-in
 * actions, the router's dry-run endpoint) with mock core services, the real Diehard
 * target check, catalog name check, posture gate and Kubernetes apply actions, and stand-ins for build,
 * push and git.
 * `config` is merged into the root config (e.g. scaffolder.defaultEnvironment,
 * kubernetes clusters, diehard.apply).
 */
export async function startScaffolder(options: {
  config: JsonObject;
  registryHost: string;
}): Promise<ScaffolderUnderTest> {
  const ran: string[] = [];
  const actionsModule = createBackendModule({
    pluginId: 'scaffolder',
    moduleId: 'diehard-templates-test',
    register(reg) {
      reg.registerInit({
        deps: {
          actions: scaffolderActionsExtensionPoint,
          config: coreServices.rootConfig,
          permissions: coreServices.permissions,
          catalog: catalogServiceRef,
          auth: coreServices.auth,
        },
        async init({ actions, config, permissions, catalog, auth }) {
          actions.addActions(
            ...[
              createKubernetesCheckTargetAction({ config, permissions }),
              createCatalogCheckNameAction({ catalog, auth }),
              createCatalogWaitAction({ catalog, auth }),
              createPostureGateAction({ config, permissions }),
              createKubernetesApplyAction({ config, permissions }),
              ...standInActions(options.registryHost),
            ].map(a => recorded(a, ran)),
          );
        },
      });
    },
  });

  const backend = await startTestBackend({
    features: [
      scaffolderPlugin,
      actionsModule,
      catalogServiceMock.factory({ entities: [] }),
      mockServices.rootConfig.factory({ data: options.config }),
    ],
  });
  const { port } = backend.server.address() as AddressInfo;

  return {
    async dryRun(templateName, values, opts) {
      ran.length = 0;
      const { status, body } = await post(port, '/api/scaffolder/v2/dry-run', {
        template: opts?.template ?? readTemplate(templateName),
        values,
        directoryContents: directoryContents(templateName),
      });
      const files = new Map<string, string>();
      for (const f of body?.directoryContents ?? []) {
        files.set(
          f.path,
          Buffer.from(f.base64Content, 'base64').toString('utf8'),
        );
      }
      const log: string[] = (body?.log ?? []).map((l: any) =>
        String(l?.body?.message ?? ''),
      );
      return { status, body, files, log, actionsRun: [...ran] };
    },
    stop: () => backend.stop(),
  };
}

/** Writes generated files under dir (created). */
export function writeFiles(dir: string, files: Map<string, string>) {
  for (const [rel, content] of files) {
    const abs = path.join(dir, rel);
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, content);
  }
}

/** Every YAML document of the generated files under `folder`, read as Kubernetes reads it. */
export function manifestsOf(files: Map<string, string>, folder: string): any[] {
  const out: any[] = [];
  for (const [rel, content] of [...files].sort()) {
    if (!rel.startsWith(`${folder}/`) || !/\.ya?ml$/.test(rel)) continue;
    for (const doc of YAML.parseAllDocuments(
      content,
      KUBERNETES_YAML_OPTIONS,
    )) {
      if (doc.errors.length) {
        throw new Error(`${rel}: ${doc.errors.map(e => e.message).join('; ')}`);
      }
      const obj = doc.toJS();
      if (obj) out.push(obj);
    }
  }
  return out;
}
