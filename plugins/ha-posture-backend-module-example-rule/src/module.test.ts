import path from 'node:path';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
// The test starts the posture backend itself, with this module, as an app's backend would.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import haPosturePlugin from '@diehard/plugin-ha-posture-backend';
import {
  EntityPosture,
  Finding,
  MANIFESTS_PATH_ANNOTATION,
} from '@diehard/plugin-ha-posture-common';
import { haPostureRulesExtensionPoint } from '@diehard/plugin-ha-posture-node';
import { moduleUsing } from '@diehard/backend-test-utils';
import { haPostureModuleExampleRule } from './module';
import { preStopRule } from './preStopRule';

// Each test starts a backend: seconds on a loaded machine, more than Jest's default 5 s.
jest.setTimeout(60_000);

const catalogFile = path.resolve(
  require.resolve('@diehard/plugin-ha-posture-common/package.json'),
  '../corpus/service/eni-todo-ha/catalog-info.yaml',
);

/** The complete eni-todo stack (grade A for Diehard's rules), manifests next to its catalog file. */
const todo = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'eni-todo-ha',
    annotations: {
      'backstage.io/managed-by-location': `file:${catalogFile}`,
      'backstage.io/managed-by-origin-location': `file:${catalogFile}`,
      [MANIFESTS_PATH_ANNOTATION]: '.',
    },
  },
  spec: { type: 'service', lifecycle: 'production', owner: 'group:dev-team' },
};

function startBackend(extra: any[]) {
  return startTestBackend({
    features: [
      haPosturePlugin,
      ...extra,
      catalogServiceMock.factory({ entities: [todo] }),
      mockServices.rootConfig.factory({
        data: {
          kubernetes: {
            serviceLocatorMethod: { type: 'multiTenant' },
            clusterLocatorMethods: [{ type: 'config', clusters: [] }],
          },
        },
      }),
    ],
  });
}

async function findingsOf(server: any): Promise<Finding[]> {
  const res = await request(server).get(
    '/api/ha-posture/entities/component/default/eni-todo-ha',
  );
  expect(res.status).toBe(200);
  return (res.body as EntityPosture).report.workloads.flatMap(w => w.findings);
}

describe('the example rule, added to the posture backend by its module', () => {
  it("reports the serving containers without a preStop hook on the entity's card, in English and French", async () => {
    const { server } = await startBackend([haPostureModuleExampleRule]);
    const findings = await findingsOf(server);
    const web = findings.find(
      f =>
        f.rule === 'example-prestop-hook' &&
        f.objects[0] === 'Deployment/eni-todo/todo-web',
    );
    expect(web).toMatchObject({
      category: 'rollout',
      severity: 'warning',
      messageId: 'example-prestop-hook.message',
      evidence: 'containers[tomcat].lifecycle.preStop: absent',
    });
    expect(web!.message).toBe(
      'tomcat of Deployment todo-web has no preStop hook: on a rolling update or a node drain, Kubernetes stops it while its Services may still send it requests, and those requests fail.',
    );
    expect(web!.remediation).toContain('preStop:\n    sleep:');
    expect(web!.translations?.fr.message).toBe(
      "tomcat de Deployment todo-web n'a pas de hook preStop : lors d'une mise à jour progressive ou de la vidange d'un nœud, Kubernetes l'arrête alors que ses Services peuvent encore lui envoyer des requêtes, et ces requêtes échouent.",
    );
    expect(web!.translations?.fr.remediation).toMatch(
      /^Donnez au conteneur un hook preStop/,
    );
  });

  it('adds nothing when the module is not installed (Diehard grades the stack A)', async () => {
    const { server } = await startBackend([]);
    expect(await findingsOf(server)).toEqual([]);
  });

  it("refuses to start with a rule whose check id is one of Diehard's own", async () => {
    const clash = moduleUsing(
      'ha-posture',
      'clash',
      haPostureRulesExtensionPoint,
      rules =>
        rules.addRule({
          ...preStopRule,
          checks: [{ ...preStopRule.checks[0], id: 'replicas-single' }],
        }),
    );
    await expect(startBackend([clash])).rejects.toThrow(
      'posture rule check "replicas-single": this id is already used by another check',
    );
  });
});
