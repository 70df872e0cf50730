import { screen } from '@testing-library/react';
import {
  inFrench,
  renderOnEntityPage,
  todoWebEntity,
} from '@diehard/frontend-test-utils';
import {
  EntityPosture,
  evaluatePosture,
  findingFor,
  parseManifests,
  PostureRule,
  workloadLabel,
} from '@diehard/plugin-ha-posture-common';
import { HaPostureApi, haPostureApiRef } from '../../api';
import { haPostureTranslations } from '../../translation';
import { EntityHaPostureCard } from '../EntityHaPostureCard';
import { EntityHaPostureContent } from '../EntityHaPostureContent';

/** Deployment todo-web as the engine judges it: its findings carry message ids. */
const todoWeb = (replicas: number, image: string, readinessProbe?: string) =>
  parseManifests(
    `apiVersion: apps/v1
kind: Deployment
metadata: {name: todo-web, namespace: todo}
spec:
  replicas: ${replicas}
  selector: {matchLabels: {app: todo-web}}
  template:
    metadata: {labels: {app: todo-web}}
    spec:
      containers:
        - name: web
          image: ${image}
          ports: [{containerPort: 8080}]${
            readinessProbe
              ? `\n          readinessProbe: ${readinessProbe}`
              : ''
          }
          resources: {requests: {cpu: 100m, memory: 128Mi}}
`,
    'todo.yaml',
  ).objects.map(o => o.object);

/** A single replica. */
const manifests = todoWeb(1, 'todo:1.0.0');
const report = evaluatePosture({ objects: manifests, entity: todoWebEntity });

const posture: EntityPosture = {
  entityRef: 'component:default/todo-web',
  source: { type: 'live', clusters: ['lab'] },
  evaluatedAt: new Date().toISOString(),
  grade: report.services[0].grade,
  singlePointsOfFailure: report.services[0].singlePointsOfFailure,
  report,
  placement: [],
};

const api: HaPostureApi = {
  getEntityPosture: jest.fn(async () => posture),
  refreshEntityPosture: jest.fn(async () => posture),
  getEntityHistory: jest.fn(async () => []),
  getFleet: jest.fn(async () => []),
  getClusters: jest.fn(async () => []),
  getClusterOverview: jest.fn(async () => ({ clusters: [], notEvaluated: [] })),
  getClusterAuth: jest.fn(async () => []),
};

/** The card, the tab or both for todo-web, the backend answering `shown`; in French unless told. */
function renderPosture(
  ui: JSX.Element,
  shown: EntityPosture = posture,
  { french = true } = {},
) {
  renderOnEntityPage(ui, {
    apis: [
      [
        haPostureApiRef,
        { ...api, getEntityPosture: jest.fn(async () => shown) },
      ],
    ],
    ...(french ? inFrench(haPostureTranslations) : {}),
  });
}

describe('findings in French', () => {
  afterEach(() => localStorage.clear());

  it('shows the card’s single points of failure in French', async () => {
    expect(posture.singlePointsOfFailure).toEqual([
      'if the node running Deployment todo-web fails, todo-web loses Deployment todo-web until it is rescheduled',
    ]);
    renderPosture(<EntityHaPostureCard />);
    expect(
      await screen.findByText(
        "Si le nœud qui exécute Deployment todo-web tombe en panne, todo-web perd Deployment todo-web jusqu'à ce qu'il soit replanifié",
      ),
    ).toBeInTheDocument();
    expect(screen.queryByText(/until it is rescheduled/)).toBeNull();
  });

  it('shows the tab’s findings and remediations in French', async () => {
    renderPosture(<EntityHaPostureContent />);
    expect(
      await screen.findByText(
        "Deployment todo-web tourne avec 1 réplica : une panne de nœud ou une éviction l'arrête.",
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        "Le conteneur web de Deployment todo-web reçoit du trafic mais n'a pas de sonde de disponibilité (readinessProbe) : il reçoit des requêtes pendant son démarrage ou ses pannes.",
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'Faites tourner au moins 2 réplicas (3 pour une base de données à quorum) :',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByText(/runs 1 replica/)).toBeNull();
  });

  it('shows the evidence in French, fields and values as written', async () => {
    renderPosture(<EntityHaPostureContent />);
    expect(
      await screen.findByText('containers[web].readinessProbe : absent'),
    ).toBeInTheDocument();
    expect(screen.getByText('spec.replicas: 1')).toBeInTheDocument();
    // French puts a space before the colon of each label.
    expect(screen.getAllByText('Preuve :').length).toBeGreaterThan(1);
    expect(screen.queryByText(/readinessProbe: absent/)).toBeNull();
  });

  it('falls back to the English message of an id it does not know (an older or newer backend)', async () => {
    const [first, ...rest] = report.workloads[0].findings;
    const unknown: EntityPosture = {
      ...posture,
      report: {
        ...report,
        workloads: [
          {
            ...report.workloads[0],
            findings: [{ ...first, messageId: 'no-such-id' }, ...rest],
          },
        ],
      },
    };
    renderPosture(<EntityHaPostureContent />, unknown);
    expect(
      await screen.findByText(
        'Deployment todo-web runs 1 replica: a node failure or an eviction stops it.',
      ),
    ).toBeInTheDocument();
  });

  it('shows a company rule added to the backend in French, from the translations its findings carry', async () => {
    const companyRule: PostureRule = {
      checks: [
        {
          id: 'acme-drain',
          category: 'rollout',
          severity: 'critical',
          title: 'Workload does not drain',
        },
      ],
      messages: {
        en: {
          'acme-drain.message': '{{workload}} does not drain its requests.',
          'acme-drain.remediation': 'Add a preStop hook.',
          'acme-drain.spof': 'if {{workload}} restarts, its requests fail',
        },
        fr: {
          'acme-drain.message': '{{workload}} ne vide pas ses requêtes.',
          'acme-drain.remediation': 'Ajoutez un hook preStop.',
          'acme-drain.spof': 'si {{workload}} redémarre, ses requêtes échouent',
        },
      },
      evaluate: ({ workload }) => [
        findingFor(companyRule.checks[0], workload, {
          message: {
            id: 'acme-drain.message',
            params: { workload: workloadLabel(workload) },
          },
          evidence: 'lifecycle.preStop: absent',
          remediation: { id: 'acme-drain.remediation', params: {} },
          spof: {
            id: 'acme-drain.spof',
            params: { workload: workloadLabel(workload) },
          },
        }),
      ],
    };
    const withCompanyRule = evaluatePosture(
      { objects: manifests, entity: todoWebEntity },
      { rules: [companyRule] },
    );
    const companyPosture: EntityPosture = {
      ...posture,
      entityRef: 'component:default/todo-web',
      grade: withCompanyRule.services[0].grade,
      singlePointsOfFailure: withCompanyRule.services[0].singlePointsOfFailure,
      report: withCompanyRule,
    };
    renderPosture(
      <>
        <EntityHaPostureCard />
        <EntityHaPostureContent />
      </>,
      companyPosture,
    );
    expect(
      (
        await screen.findAllByText(
          'Deployment todo-web ne vide pas ses requêtes.',
        )
      ).length,
    ).toBeGreaterThan(0);
    expect(
      (
        await screen.findAllByText(
          'Si Deployment todo-web redémarre, ses requêtes échouent',
        )
      ).length,
    ).toBeGreaterThan(0);
    expect(
      screen.getAllByText('Ajoutez un hook preStop.').length,
    ).toBeGreaterThan(0);
    expect(screen.queryByText(/does not drain/)).toBeNull();
  });

  it('shows in English exactly the sentences the engine wrote, quotes and tags included', async () => {
    const tomcat = evaluatePosture({
      objects: todoWeb(2, 'tomcat', '{httpGet: {path: /health, port: 8080}}'),
      files: [
        {
          path: 'context.xml',
          content:
            '<Context><Manager className="org.apache.catalina.session.StandardManager"/></Context>',
        },
      ],
      entity: todoWebEntity,
    });
    const findings = tomcat.workloads.flatMap(w => w.findings);
    renderPosture(
      <EntityHaPostureContent />,
      { ...posture, report: tomcat },
      { french: false },
    );
    // Categories with a critical finding start open.
    const critical = findings.filter(f => f.severity === 'critical');
    expect(critical.map(f => f.rule)).toContain('sessions-manager-override');
    for (const f of critical)
      expect(
        await screen.findByRole('article', { name: f.message }),
      ).toHaveTextContent(f.message);
  });
});
