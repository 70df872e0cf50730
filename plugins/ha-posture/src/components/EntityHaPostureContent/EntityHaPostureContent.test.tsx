import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { PostureHistoryPoint } from '@diehard/plugin-ha-posture-common';
import { HaPostureApi, haPostureApiRef } from '../../api';
import { samplePosture } from '../../testing/fixtures';
import { renderOnEntityPage } from '@diehard/frontend-test-utils';
import { EntityHaPostureContent } from './EntityHaPostureContent';

const api: HaPostureApi = {
  getEntityPosture: jest.fn(async () => samplePosture),
  refreshEntityPosture: jest.fn(async () => samplePosture),
  getEntityHistory: jest.fn(
    async (): Promise<PostureHistoryPoint[]> => [
      {
        day: '2026-11-19',
        evaluatedAt: '2026-11-19T08:00:00Z',
        grade: 'F',
        critical: 3,
        warning: 2,
        info: 0,
      },
      {
        day: '2026-11-20',
        evaluatedAt: '2026-11-20T08:00:00Z',
        grade: 'D',
        critical: 2,
        warning: 3,
        info: 0,
      },
      {
        day: '2026-11-21',
        evaluatedAt: '2026-11-21T08:00:00Z',
        grade: 'D',
        critical: 2,
        warning: 3,
        info: 0,
      },
    ],
  ),
  getFleet: jest.fn(async () => []),
  getClusters: jest.fn(async () => []),
  getClusterOverview: jest.fn(async () => ({ clusters: [], notEvaluated: [] })),
  getClusterAuth: jest.fn(async () => []),
};

async function renderContent() {
  renderOnEntityPage(<EntityHaPostureContent />, {
    apis: [[haPostureApiRef, api]],
  });
  await screen.findByText('Findings by category');
}

describe('EntityHaPostureContent', () => {
  it('groups the findings by category, in the taxonomy order', async () => {
    await renderContent();

    const taxonomyOrder = [
      'Replicas',
      'Spread across nodes',
      'Readiness probes',
      'Entry point',
      'Image tag',
      'Control plane',
    ];
    const headings = screen
      .getAllByRole('heading', { level: 3 })
      .map(h => h.textContent ?? '')
      .filter(text => taxonomyOrder.includes(text));
    expect(headings).toEqual(taxonomyOrder);

    // Categories with a critical finding are open; the user opens the others.
    expect(screen.getByRole('region', { name: 'Replicas' })).toBeVisible();
    await userEvent.click(screen.getByRole('heading', { name: 'Image tag' }));
    const images = await screen.findByRole('region', { name: 'Image tag' });
    expect(within(images).getAllByRole('article')).toHaveLength(2);
    expect(images).toHaveTextContent(
      'Container web of Deployment todo/todo-web uses the tag latest',
    );
    expect(images).toHaveTextContent(
      'Container db of Deployment todo/todo-db uses the tag latest',
    );
    expect(screen.getByText('2 findings')).toBeInTheDocument();

    const replicas = screen.getByRole('region', { name: 'Replicas' });
    expect(replicas).toHaveTextContent(
      'Deployment todo/todo-db runs 1 replica',
    );
    expect(replicas).toHaveTextContent('Critical');
    expect(replicas).toHaveTextContent('spec.replicas: 1');
    expect(replicas).toHaveTextContent('Deployment/todo/todo-db');
    // The YAML part of the remediation is a code block of its own.
    const code = within(replicas).getByText(
      (_, el) =>
        el?.tagName === 'CODE' && /replicas: 3/.test(el.textContent ?? ''),
    );
    expect(code.textContent).not.toContain('Run at least 2 replicas');
  });

  it('highlights the node that holds every replica of a workload', async () => {
    await renderContent();

    const worker1 = screen.getByRole('group', { name: 'Node worker-1' });
    expect(worker1).toHaveTextContent(
      'All 3 replicas of todo-web on node worker-1. If node worker-1 fails, todo-web stops.',
    );
    expect(worker1).toHaveStyle({ borderColor: '#c62828' });
    expect(within(worker1).getByText('web-1')).toBeInTheDocument();
    expect(within(worker1).getByText('agent-1')).toBeInTheDocument();

    const worker2 = screen.getByRole('group', { name: 'Node worker-2' });
    expect(worker2).toHaveTextContent(
      'The only replica of todo-db runs on node worker-2',
    );

    // A DaemonSet is one pod per node by design: worker-3 holds nobody's every replica.
    const worker3 = screen.getByRole('group', { name: 'Node worker-3' });
    expect(worker3).not.toHaveTextContent('replica');
    expect(worker3).not.toHaveStyle({ borderColor: '#c62828' });

    // Zones are the columns, nodes inside them.
    const zoneA = screen.getByRole('region', { name: 'Zone a' });
    expect(
      within(zoneA).getByRole('group', { name: 'Node worker-1' }),
    ).toBeInTheDocument();
    const zoneB = screen.getByRole('region', { name: 'Zone b' });
    expect(
      within(zoneB).getByRole('group', { name: 'Node worker-3' }),
    ).toBeInTheDocument();

    // Objects around the pods that findings name.
    expect(
      screen.getByRole('region', { name: 'Entry points' }),
    ).toHaveTextContent('Ingress/todo/todo');
  });

  it('shows what the pods rely on, coloured by the worst finding that names it, or by none', async () => {
    await renderContent();
    const chip = (lane: string, ref: string) =>
      within(screen.getByRole('region', { name: lane }))
        .getByText(ref)
        .closest('.MuiChip-root')!;

    // The database the web tier reaches runs one replica: its critical finding colours it.
    expect(chip('Databases', 'Deployment/todo/todo-db')).toHaveStyle({
      borderColor: '#c62828',
    });
    await userEvent.hover(chip('Databases', 'Deployment/todo/todo-db'));
    expect(await screen.findByRole('tooltip')).toHaveTextContent(
      'Deployment todo/todo-db runs 1 replica',
    );
    await userEvent.unhover(chip('Databases', 'Deployment/todo/todo-db'));

    // A volume no finding names is still shown, as fine.
    const volume = chip('Volumes', 'PersistentVolumeClaim/todo/todo-uploads');
    expect(volume).toHaveStyle({ borderColor: '#2e7d32' });
    await userEvent.hover(volume);
    expect(await screen.findByRole('tooltip')).toHaveTextContent(
      'PersistentVolumeClaim/todo/todo-uploadsNo finding names it',
    );
    expect(
      screen.getByRole('region', { name: 'Entry points' }),
    ).not.toHaveTextContent('None found');
  });

  it('keeps the workload a finding is about out of the objects around its pods', async () => {
    const [web, ...others] = samplePosture.report.workloads;
    const storage = {
      rule: 'storage-rwo-shared',
      category: 'storage' as const,
      severity: 'critical' as const,
      message:
        'Deployment todo-web runs 3 replicas but mounts PersistentVolumeClaim todo-uploads with ReadWriteOnce',
      objects: [
        'Deployment/todo/todo-web',
        'PersistentVolumeClaim/todo/todo-uploads',
      ],
      evidence: 'accessModes: [ReadWriteOnce]',
      remediation: 'Use a ReadWriteMany class.',
    };
    jest.mocked(api.getEntityPosture).mockResolvedValueOnce({
      ...samplePosture,
      report: {
        ...samplePosture.report,
        workloads: [
          { ...web, findings: [...web.findings, storage] },
          ...others,
        ],
      },
    });
    await renderContent();

    const volumes = screen.getByRole('region', { name: 'Volumes' });
    expect(volumes).not.toHaveTextContent('Deployment/todo/todo-web');
    expect(
      within(volumes)
        .getByText('PersistentVolumeClaim/todo/todo-uploads')
        .closest('.MuiChip-root'),
    ).toHaveStyle({ borderColor: '#c62828' });
  });

  it('draws the grade history', async () => {
    await renderContent();
    expect(
      await screen.findByRole('img', {
        name: 'Grade from F on 2026-11-19 to D on 2026-11-21',
      }),
    ).toBeInTheDocument();
  });
});
