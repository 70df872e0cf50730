import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import type {
  ClusterPosture,
  FleetEntry,
} from '@diehard/plugin-ha-posture-common';
import { inFrench } from '@diehard/frontend-test-utils';
import { HaPostureApi, haPostureApiRef } from '../../api';
import {
  KubernetesAuthProvidersApi,
  kubernetesAuthProvidersApiRef,
} from '@backstage/plugin-kubernetes-react';
import { haPostureTranslations } from '../../translation';
import { HaPosturePage } from './HaPosturePage';

const evaluatedAt = new Date().toISOString();
const entry = (e: Partial<FleetEntry> & { entityRef: string }): FleetEntry => ({
  grade: null,
  previousGrade: null,
  critical: 0,
  warning: 0,
  evaluatedAt,
  source: 'live',
  ...e,
});

const fleet: FleetEntry[] = [
  entry({
    entityRef: 'component:default/billing',
    grade: 'B',
    previousGrade: 'D',
    owner: 'group:default/ops-team',
    system: 'system:default/shop',
    warning: 2,
  }),
  entry({
    entityRef: 'component:default/todo-web',
    grade: 'F',
    previousGrade: 'C',
    owner: 'group:default/dev-team',
    critical: 3,
  }),
  entry({
    entityRef: 'component:default/search',
    grade: 'A',
    previousGrade: 'A',
    owner: 'group:default/dev-team',
  }),
];

const clusters: ClusterPosture[] = [
  {
    cluster: 'lab',
    evaluatedAt,
    grade: 'C',
    facts: {
      nodes: 3,
      nodesPerZone: { a: 2, b: 1 },
      apiServers: 1,
      etcdMembers: 1,
    },
    findings: [
      {
        rule: 'control-plane-apiservers',
        category: 'control-plane',
        severity: 'critical',
        message: 'The cluster runs 1 API server',
        objects: ['Node//cp-1'],
        evidence: 'kube-apiserver pods: 1',
        remediation: 'Run at least 2 API servers behind a load balancer.',
      },
    ],
  },
];

const multiMaster: ClusterPosture = {
  cluster: 'multi-master',
  evaluatedAt,
  grade: 'B',
  facts: {
    nodes: 6,
    nodesPerZone: { a: 2, b: 2, c: 2 },
    apiServers: 3,
    controlPlane: {
      apiServers: {
        count: 3,
        alive: 2,
        source: 'identity-leases',
        objects: [
          'Lease/kube-system/apiserver-a',
          'Lease/kube-system/apiserver-b',
          'Lease/kube-system/apiserver-c',
        ],
      },
      etcdMembers: { objects: [] },
      controllerManagers: {
        source: 'leader-lease',
        objects: ['Lease/kube-system/kube-controller-manager'],
        leader: 'master-1_3f2c',
      },
      schedulers: { objects: [] },
      zones: { objects: [] },
      unknown: ['etcdMembers'],
    },
  },
  findings: [],
};

const api: HaPostureApi = {
  getEntityPosture: jest.fn(),
  refreshEntityPosture: jest.fn(),
  getEntityHistory: jest.fn(),
  getFleet: jest.fn(async () => fleet),
  getClusters: jest.fn(async () => clusters),
  getClusterOverview: jest.fn(async () => ({
    clusters: await api.getClusters(),
    notEvaluated: [],
  })),
  getClusterAuth: jest.fn(async () => []),
};

function renderPage(path = '/ha-posture') {
  return renderInTestApp(<HaPosturePage />, {
    apis: [[haPostureApiRef, api]],
    mountPath: '/ha-posture/*',
    initialRouteEntries: [path],
    mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
  });
}

/** The service names of the table's rows, top to bottom. */
function serviceColumn(): string[] {
  const table = screen.getByRole('table');
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map(row => within(row).getAllByRole('cell')[0].textContent ?? '');
}

describe('HaPosturePage', () => {
  it('lists every service, worst grade first, and sorts by grade on a click', async () => {
    renderPage();
    await screen.findByText('todo-web');

    expect(serviceColumn()).toEqual(['todo-web', 'billing', 'search']);

    const gradeHeader = screen.getByRole('columnheader', { name: 'Grade' });
    await userEvent.click(within(gradeHeader).getByText('Grade'));
    expect(serviceColumn()).toEqual(['search', 'billing', 'todo-web']);

    // The sort holds while the user filters.
    await userEvent.click(screen.getByRole('button', { name: 'Owner All' }));
    await userEvent.click(
      await screen.findByRole('option', { name: 'group:default/dev-team' }),
    );
    expect(serviceColumn()).toEqual(['search', 'todo-web']);

    await userEvent.click(within(gradeHeader).getByText('Grade'));
    expect(serviceColumn()).toEqual(['todo-web', 'search']);
  });

  it('shows the trend, the counts and the owner of each service', async () => {
    renderPage();
    const row = (await screen.findByText('todo-web')).closest('tr')!;
    expect(
      within(row).getByRole('img', { name: 'Grade F' }),
    ).toBeInTheDocument();
    expect(
      within(row).getByRole('img', { name: 'Worse than the previous C' }),
    ).toHaveTextContent('↓');
    expect(row).toHaveTextContent('dev-team');
    expect(row).toHaveTextContent('3');

    const billing = screen.getByText('billing').closest('tr')!;
    expect(
      within(billing).getByRole('img', { name: 'Better than the previous D' }),
    ).toHaveTextContent('↑');
  });

  it('filters by text and by owner', async () => {
    renderPage();
    await screen.findByText('todo-web');

    await userEvent.type(
      screen.getByRole('textbox', { name: 'Filter' }),
      'bill',
    );
    expect(serviceColumn()).toEqual(['billing']);
    await userEvent.clear(screen.getByRole('textbox', { name: 'Filter' }));

    await userEvent.click(screen.getByRole('button', { name: 'Owner All' }));
    await userEvent.click(
      await screen.findByRole('option', { name: 'group:default/dev-team' }),
    );
    expect(serviceColumn()).toEqual(['todo-web', 'search']);
  });

  it('keeps each filter label above its value, in a gap of the outline, not over "All"', async () => {
    renderPage();
    await screen.findByText('todo-web');
    for (const [label, id] of [
      ['Grade', 'ha-posture-filter-grade'],
      ['Owner', 'ha-posture-filter-owner'],
    ]) {
      const labelElement = document.getElementById(id)!;
      expect(labelElement).toHaveTextContent(label);
      // Shrunk: the label moves up out of the field while "All" is shown.
      expect(labelElement).toHaveAttribute('data-shrink', 'true');
      // Notched: the outline leaves a gap for the label rather than crossing it.
      const field = labelElement.closest('.MuiFormControl-root')!;
      const legend = field.querySelector('fieldset legend')!;
      expect(legend).toHaveTextContent(label);
      expect(legend.className).toMatch(/legendNotched/);
      expect(
        within(field as HTMLElement).getByRole('button', {
          name: `${label} All`,
        }),
      ).toBeInTheDocument();
    }
  });

  it("shows each cluster's own posture on the Clusters tab", async () => {
    renderPage();
    await userEvent.click(await screen.findByRole('tab', { name: 'Clusters' }));

    const lab = await screen.findByRole('region', { name: 'lab' });
    expect(
      within(lab).getByRole('img', { name: 'Grade C' }),
    ).toBeInTheDocument();
    expect(lab).toHaveTextContent('API servers1');
    expect(lab).toHaveTextContent('a: 2, b: 1');
    expect(lab).toHaveTextContent('The cluster runs 1 API server');
  });

  it('shows each control-plane fact with its source, an unknown one with what would show it, and the grade as incomplete', async () => {
    (api.getClusters as jest.Mock).mockResolvedValueOnce([multiMaster]);
    renderPage();
    await userEvent.click(await screen.findByRole('tab', { name: 'Clusters' }));
    const card = await screen.findByRole('region', { name: 'multi-master' });
    expect(card).toHaveTextContent(
      'API servers2 of 3 upfrom API server identity leases: Lease/kube-system/apiserver-a, Lease/kube-system/apiserver-b, Lease/kube-system/apiserver-c',
    );
    expect(card).toHaveTextContent(
      'etcd membersunknownShown by etcd pods in kube-system (component=etcd) or the --etcd-servers flag of the API server pods.',
    );
    expect(card).toHaveTextContent(
      'Controller-managersleader master-1_3f2cfrom the leader-election lease: Lease/kube-system/kube-controller-manager',
    );
    expect(within(card).getByText('incomplete')).toBeInTheDocument();
  });

  it('shows the control-plane facts in French', async () => {
    (api.getClusters as jest.Mock).mockResolvedValueOnce([multiMaster]);
    renderInTestApp(<HaPosturePage />, {
      apis: [[haPostureApiRef, api]],
      mountPath: '/ha-posture/*',
      initialRouteEntries: ['/ha-posture'],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      ...inFrench(haPostureTranslations),
    });
    await userEvent.click(await screen.findByRole('tab', { name: 'Clusters' }));
    const card = await screen.findByRole('region', { name: 'multi-master' });
    expect(card).toHaveTextContent(
      'Serveurs API2 actifs sur 3d’après les leases d’identité des serveurs d’API',
    );
    expect(card).toHaveTextContent(
      'Membres etcdinconnuVisible par les pods etcd de kube-system',
    );
    expect(within(card).getByText('incomplète')).toBeInTheDocument();
  });
});

describe('the Clusters tab with a cluster that needs the signed-in user', () => {
  it("sends the user's oidc token and says which cluster was not read, and why", async () => {
    const tokenApi: HaPostureApi = {
      ...api,
      getClusterAuth: jest.fn(async () => [
        {
          name: 'lab',
          authProvider: 'oidc',
          needsUserToken: true,
          oidcTokenProvider: 'lab',
        },
      ]),
      getClusterOverview: jest.fn(async () => ({
        clusters: [],
        notEvaluated: [
          {
            cluster: 'lab',
            reason: 'cluster "lab" did not answer the read: HTTP 403',
          },
        ],
      })),
    };
    // Test double of the Kubernetes plugin's frontend API (the user's sign-in).
    const kubernetesAuth: KubernetesAuthProvidersApi = {
      decorateRequestBodyForAuth: jest.fn(),
      getCredentials: jest.fn(async () => ({ token: 'bruno-id-token' })),
    };
    await renderInTestApp(<HaPosturePage />, {
      apis: [
        [haPostureApiRef, tokenApi],
        [kubernetesAuthProvidersApiRef, kubernetesAuth],
      ],
      mountPath: '/ha-posture/*',
      initialRouteEntries: ['/ha-posture/clusters'],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    });
    expect(
      await screen.findByText(
        'Cluster lab was not read: cluster "lab" did not answer the read: HTTP 403',
      ),
    ).toBeInTheDocument();
    expect(tokenApi.getClusterOverview).toHaveBeenCalledWith({
      headers: {
        'Backstage-Kubernetes-Authorization-oidc-lab': 'bruno-id-token',
      },
    });
    expect(kubernetesAuth.getCredentials).toHaveBeenCalledWith('oidc.lab');
  });
});
