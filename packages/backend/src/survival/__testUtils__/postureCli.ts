import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { labPaths } from '@diehard/lab';

export interface ContractFinding {
  rule: string;
  category: string;
  severity: string;
  message: string;
}

export interface ContractReport {
  workloads: Array<{
    kind: string;
    name: string;
    grade: string;
    findings: ContractFinding[];
  }>;
}

/**
 * `diehard-posture scan … --format json` run as a process, on the files the template's
 * posture gate reads: what a developer or a CI job would get for this project.
 */
export function scanProject(project: string): ContractReport {
  const r = spawnSync(
    process.execPath,
    [
      path.join(labPaths().root, 'plugins/ha-posture-cli/bin/diehard-posture'),
      'scan',
      'k8s',
      'tomcat/conf',
      'src/main/webapp/WEB-INF/web.xml',
      'src/main/webapp/META-INF/context.xml',
      '--format',
      'json',
    ],
    {
      cwd: project,
      // The bin resolves paths from INIT_CWD when yarn set it (as it does for jest).
      env: { ...process.env, INIT_CWD: project },
      encoding: 'utf8',
      timeout: 120_000,
    },
  );
  if (r.status !== 0)
    throw new Error(`diehard-posture exited ${r.status}: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

/** The findings of one category on the service's Deployment. */
export function findingsOf(
  report: ContractReport,
  deployment: string,
  category: string,
): ContractFinding[] {
  const workload = report.workloads.find(
    w => w.kind === 'Deployment' && w.name === deployment,
  );
  if (!workload)
    throw new Error(
      `no Deployment ${deployment} in the report: ${JSON.stringify(report)}`,
    );
  return workload.findings.filter(f => f.category === category);
}
