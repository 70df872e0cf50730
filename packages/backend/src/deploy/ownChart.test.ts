import path from 'node:path';
import {
  evaluatePosture,
  readPostureFiles,
} from '@diehard/plugin-ha-posture-common';
import { DIEHARD_CHART, renderChart } from './__testUtils__/renderChart';

// Cold: helm may have to be built from the Go module proxy first (a few minutes).
jest.setTimeout(900_000);

const PRODUCTION = path.join(DIEHARD_CHART, 'ci', 'production-values.yaml');

/** The chart's manifests read and graded as the CLI does (a folder of manifests). */
function grade(manifests: string) {
  const read = readPostureFiles([
    { path: 'diehard/rendered.yaml', content: manifests },
  ]);
  expect(read.errors).toEqual([]);
  const report = evaluatePosture({
    objects: read.objects.map(o => o.object),
    files: read.files,
  });
  return {
    kinds: read.objects.map(o => `${o.object.kind}`).sort(),
    workloads: report.workloads.map(w => ({
      workload: `${w.kind} ${w.namespace}/${w.name}`,
      grade: w.grade,
      replicas: w.replicas,
      findings: w.findings
        .filter(f => f.severity !== 'info')
        .map(f => `${f.severity} ${f.rule}`),
    })),
  };
}

describe("Diehard's own chart (deploy/diehard)", () => {
  it.each([
    ['default values', {}, 2],
    ['production-like values', { valuesFiles: [PRODUCTION] }, 3],
  ])(
    'with %s renders a portal its own engine grades A',
    async (_, options, replicas) => {
      const graded = grade(await renderChart(DIEHARD_CHART, options));
      expect(graded.kinds).toEqual([
        'ConfigMap',
        'Deployment',
        'Ingress',
        'NetworkPolicy',
        'PodDisruptionBudget',
        'Service',
        'ServiceAccount',
      ]);
      expect(graded.workloads).toEqual([
        {
          workload: 'Deployment diehard/diehard',
          grade: 'A',
          replicas,
          findings: [],
        },
      ]);
    },
  );

  it('is not graded A when a values change leaves one replica', async () => {
    const graded = grade(
      await renderChart(DIEHARD_CHART, {
        valuesFiles: [PRODUCTION],
        values: { replicas: 1 },
      }),
    );
    expect(graded.workloads).toHaveLength(1);
    expect(graded.workloads[0].grade).not.toBe('A');
    expect(graded.workloads[0].findings).toContain('critical replicas-single');
  });

  it('is not graded A when the database is a single server', async () => {
    const graded = grade(
      await renderChart(DIEHARD_CHART, {
        values: { postgresql: { highlyAvailable: false } },
      }),
    );
    expect(graded.workloads[0].grade).not.toBe('A');
    expect(graded.workloads[0].findings).toContain(
      'critical database-single-host',
    );
  });

  it('fails with helm’s message naming the bad value', async () => {
    await expect(
      renderChart(DIEHARD_CHART, { values: { replicas: 'two' } }),
    ).rejects.toThrow(/could not render the chart diehard: .*replicas/s);
    await expect(
      renderChart(DIEHARD_CHART, { values: { postgresql: { host: '' } } }),
    ).rejects.toThrow(/postgresql.*host/s);
  });
});
