import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Page } from 'playwright-core';
import { stringify } from 'yaml';
import { labClusterLocators, useLab } from '@diehard/lab';
import { BackendProcess } from '../../backend/src/__testUtils__/startBackendProcess';
import { guestToken } from '../../backend/src/__testUtils__/guestSession';
// eslint-disable-next-line @backstage/no-relative-monorepo-imports
import { screenshot, signInAsGuest, switchToFrench } from './browser';
import { orgAnd, PortalInChromium, portalInChromium } from './portalBackend';
import {
  deploy,
  Kubectl,
  labelledStack,
  removeStacks,
  runningPods,
  zonesOfNodes,
} from './postureStacks';

// Fresh namespaces per run: a namespace being deleted cannot be reused at once.
const run = Math.random().toString(36).slice(2, 7);
const HA = `live-ha-${run}`;
const FRAGILE = `live-fragile-${run}`;
const WEB = 'app.kubernetes.io/name=todo-web';

let admin: Kubectl;
let portal: PortalInChromium | undefined;
let backend: BackendProcess;
let page: Page;
let haWeb: Array<{ name: string; node: string }>;
let fragileWeb: Array<{ name: string; node: string }>;
let pinnedNode: string;
let zoneOfNode: Map<string, string>;

function component(name: string, title: string, namespace: string) {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      title,
      annotations: {
        'backstage.io/kubernetes-id': name,
        'backstage.io/kubernetes-namespace': namespace,
      },
    },
    spec: {
      type: 'service',
      lifecycle: 'production',
      owner: 'group:default/dev-team',
    },
  };
}

async function waitForEntities(baseUrl: string, names: string[]) {
  const token = await guestToken(baseUrl);
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    const found = await Promise.all(
      names.map(name =>
        fetch(
          `${baseUrl}/api/catalog/entities/by-name/component/default/${name}`,
          {
            headers: { Authorization: `Bearer ${token}` },
          },
        ).then(r => r.ok),
      ),
    );
    if (found.every(Boolean)) return;
    await new Promise(resolve => setTimeout(resolve, 500));
  }
  throw new Error(
    `the catalog did not ingest ${names.join(', ')} within 120 s`,
  );
}

/**
 * Refreshes an entity's posture until it reaches `grade`: right after a deploy the
 * cluster's controllers may not have caught up yet (a PodDisruptionBudget's status
 * allowing no eviction, say), and the posture rightly says so.
 */
async function waitForGrade(baseUrl: string, name: string, grade: string) {
  const token = await guestToken(baseUrl);
  const deadline = Date.now() + 180_000;
  let last = '';
  while (Date.now() < deadline) {
    const response = await fetch(
      `${baseUrl}/api/ha-posture/entities/component/default/${name}/refresh`,
      { method: 'POST', headers: { Authorization: `Bearer ${token}` } },
    );
    if (response.ok) {
      const posture = await response.json();
      if (posture.grade === grade) return;
      last = `grade ${posture.grade}: ${posture.report.workloads
        .flatMap((w: any) => w.findings)
        .filter((f: any) => f.severity !== 'info')
        .map((f: any) => `${f.severity} ${f.rule}: ${f.message}`)
        .join(' | ')}`;
    } else {
      last = `HTTP ${response.status}: ${await response.text()}`;
    }
    await new Promise(resolve => setTimeout(resolve, 2_000));
  }
  throw new Error(`${name} did not reach grade ${grade} within 180 s; ${last}`);
}

async function openDeploymentTab(name: string | RegExp) {
  await page
    .getByRole('navigation', { name: 'Content navigation' })
    .getByRole('button', { name: /Deployment|Déploiement/ })
    .click();
  await page.getByRole('menuitemradio', { name }).click();
}

beforeAll(async () => {
  const lab = await useLab(['kubernetes']);
  admin = lab.kubernetes;
  zoneOfNode = await zonesOfNodes(admin);
  // The fragile stack as it is found in production: its web pods pinned to one machine.
  pinnedNode = [...zoneOfNode.keys()].sort()[1];
  const fragile = labelledStack(
    'eni-todo-fragile',
    FRAGILE,
    'todo-live-fragile',
  ).map((object: any) => {
    if (object.kind === 'Deployment' && object.metadata.name === 'todo-web') {
      object.spec.template.spec.nodeSelector = {
        'kubernetes.io/hostname': pinnedNode,
      };
    }
    return object;
  });
  await deploy(admin, [
    ...labelledStack('eni-todo-ha', HA, 'todo-live-ha'),
    ...fragile,
  ]);
  haWeb = await runningPods(admin, HA, WEB, 3);
  await runningPods(admin, HA, 'app=galera', 3);
  fragileWeb = await runningPods(admin, FRAGILE, WEB, 2);

  const catalogDir = fs.mkdtempSync(path.join(os.tmpdir(), 'posture-live-'));
  const catalogFile = path.join(catalogDir, 'catalog-info.yaml');
  fs.writeFileSync(
    catalogFile,
    [
      component('todo-live-ha', 'Todo, highly available', HA),
      component('todo-live-fragile', 'Todo, fragile', FRAGILE),
    ]
      .map(e => stringify(e))
      .join('---\n'),
  );
  portal = await portalInChromium(
    {
      catalog: orgAnd(catalogFile),
      kubernetes: {
        clusterLocatorMethods: labClusterLocators(lab.kubernetes),
      },
    },
    1000,
  );
  ({ backend, page } = portal);
  await waitForEntities(backend.baseUrl, ['todo-live-ha', 'todo-live-fragile']);
  await waitForGrade(backend.baseUrl, 'todo-live-ha', 'A');
  await signInAsGuest(page, backend.baseUrl);
});

afterAll(async () => {
  await portal?.stop();
  if (admin) await removeStacks(admin, [HA, FRAGILE]);
});

describe('HA posture of services running on the lab cluster', () => {
  it('shows the HA service graded A, live from cluster lab, on its card', async () => {
    await page.goto(
      `${backend.baseUrl}/catalog/default/component/todo-live-ha`,
    );
    await page.getByRole('img', { name: 'Grade A' }).waitFor();
    await page.getByText('Live from cluster lab').waitFor();
    await page.getByText('No single point of failure found.').waitFor();
    await screenshot(page, 'posture-live-01-ha-card');
  });

  it('places each web pod on its node and zone in the failure-domain picture', async () => {
    await openDeploymentTab('HA posture');
    await page.getByText('Failure domains', { exact: true }).waitFor();
    expect(new Set(haWeb.map(p => p.node)).size).toBe(3);
    for (const pod of haWeb) {
      const zone = page.getByRole('region', {
        name: `Zone ${zoneOfNode.get(pod.node)}`,
      });
      const node = zone.getByRole('group', { name: `Node ${pod.node}` });
      await node.getByText(pod.name, { exact: true }).waitFor();
    }
    await page
      .getByText('No node or zone holds every replica of a workload.')
      .waitFor();
    await screenshot(page, 'posture-live-02-ha-domains');
  });

  it('shows the fragile service graded D or F, with its pinned node as a single point of failure', async () => {
    await page.goto(
      `${backend.baseUrl}/catalog/default/component/todo-live-fragile`,
    );
    await page.getByRole('img', { name: /Grade [DF]/ }).waitFor();
    await page.getByText('Live from cluster lab').waitFor();
    await page
      .getByRole('heading', { name: 'Single points of failure' })
      .waitFor();
    await screenshot(page, 'posture-live-03-fragile-card');

    await openDeploymentTab('HA posture');
    const node = page.getByRole('group', { name: `Node ${pinnedNode}` });
    for (const pod of fragileWeb) {
      expect(pod.node).toBe(pinnedNode);
      await node.getByText(pod.name, { exact: true }).waitFor();
    }
    await node
      .getByText(`All 2 replicas of todo-web on node ${pinnedNode}`, {
        exact: false,
      })
      .waitFor();
    await node
      .getByText(`If node ${pinnedNode} fails, todo-web stops.`, {
        exact: false,
      })
      .waitFor();
    await screenshot(page, 'posture-live-04-fragile-domains');
  });

  it('lists the fragile service before the HA one on the fleet page, and sorts by grade', async () => {
    await page.goto(`${backend.baseUrl}/ha-posture`);
    const table = page.getByRole('table').filter({ hasText: 'Todo, fragile' });
    await table.getByRole('row', { name: /Todo, highly available/ }).waitFor();
    const services = async () =>
      (await table.getByRole('row').allInnerTexts())
        .map(text => /Todo, (highly available|fragile)/.exec(text)?.[0])
        .filter(Boolean);
    expect(await services()).toEqual([
      'Todo, fragile',
      'Todo, highly available',
    ]);
    await expect(
      table
        .getByRole('row', { name: /Todo, highly available/ })
        .getByRole('cell', { name: 'Live' })
        .count(),
    ).resolves.toBe(1);

    await table
      .getByRole('columnheader', { name: 'Grade' })
      .getByText('Grade')
      .click();
    await page.waitForFunction(() => {
      const rows = [...document.querySelectorAll('table tr')].map(
        r => r.textContent ?? '',
      );
      const ha = rows.findIndex(text =>
        text.includes('Todo, highly available'),
      );
      const fragile = rows.findIndex(text => text.includes('Todo, fragile'));
      return ha >= 0 && ha < fragile;
    });
    expect(await services()).toEqual([
      'Todo, highly available',
      'Todo, fragile',
    ]);
    await screenshot(page, 'posture-live-05-fleet');
  });

  it("shows the lab cluster's own posture on the Clusters tab", async () => {
    await page.getByRole('tab', { name: 'Clusters' }).click();
    const lab = page.getByRole('region', { name: 'lab' });
    await lab.getByRole('img', { name: /Grade [A-F]/ }).waitFor();
    const zones = [...new Set(zoneOfNode.values())].sort();
    for (const zone of zones) {
      await lab.getByText(new RegExp(`${zone}: \\d+`)).waitFor();
    }
    await lab.getByText(String(zoneOfNode.size), { exact: true }).waitFor();
    await screenshot(page, 'posture-live-06-clusters');
  });

  it('says all of it in French', async () => {
    await switchToFrench(page, backend.baseUrl);

    await page.goto(
      `${backend.baseUrl}/catalog/default/component/todo-live-fragile`,
    );
    await page.getByText('En direct du cluster lab').waitFor();
    await page.getByRole('img', { name: /Note [DF]/ }).waitFor();
    await openDeploymentTab(/^(Posture HA|HA posture)$/);
    await page.getByText('Domaines de défaillance', { exact: true }).waitFor();
    const node = page.getByRole('group', { name: `Nœud ${pinnedNode}` });
    await node
      .getByText(`Si le nœud ${pinnedNode} tombe, todo-web s’arrête.`, {
        exact: false,
      })
      .waitFor();
    await screenshot(page, 'posture-live-07-fragile-domains-fr');

    await page.goto(`${backend.baseUrl}/ha-posture`);
    await page.getByText('Tous les services').waitFor();
    await page.getByRole('cell', { name: 'En direct' }).first().waitFor();
    await screenshot(page, 'posture-live-08-fleet-fr');
  });
});
