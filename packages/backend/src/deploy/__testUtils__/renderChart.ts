import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureHelm } from '@diehard/lab';

/** The repository's own chart: Diehard's portal (deploy/diehard). */
export const DIEHARD_CHART = path.resolve(
  __dirname,
  '../../../../../deploy/diehard',
);

export interface RenderOptions {
  release?: string;
  namespace?: string;
  /** Values files, in order (paths). */
  valuesFiles?: string[];
  /** Values given last, as an object (written to a temporary file). */
  values?: Record<string, unknown>;
}

/**
 * `helm template` of a chart with the repository's pinned helm (built once when missing):
 * the manifests as one multi-document YAML text. Throws an error with helm's own message
 * when rendering fails.
 */
export async function renderChart(
  chart: string,
  options: RenderOptions = {},
): Promise<string> {
  const helm = await ensureHelm();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'diehard-chart-'));
  try {
    const files = [...(options.valuesFiles ?? [])];
    if (options.values) {
      const file = path.join(tmp, 'values.json');
      fs.writeFileSync(file, JSON.stringify(options.values));
      files.push(file);
    }
    const args = [
      'template',
      options.release ?? 'diehard',
      chart,
      '--namespace',
      options.namespace ?? 'diehard',
      ...files.flatMap(f => ['--values', f]),
    ];
    return await new Promise<string>((resolve, reject) =>
      execFile(
        helm.path,
        args,
        {
          timeout: 60_000,
          maxBuffer: 16 * 1024 * 1024,
          // helm keeps nothing of ours: its caches and config in the temporary folder.
          env: {
            PATH: process.env.PATH ?? '',
            HOME: tmp,
            HELM_CACHE_HOME: path.join(tmp, 'cache'),
            HELM_CONFIG_HOME: path.join(tmp, 'config'),
            HELM_DATA_HOME: path.join(tmp, 'data'),
          },
        },
        (error, stdout, stderr) => {
          if (error)
            reject(
              new Error(
                `helm ${
                  helm.version
                } could not render the chart ${path.basename(chart)}: ${(
                  stderr || error.message
                ).trim()}`,
              ),
            );
          else resolve(stdout);
        },
      ),
    );
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
