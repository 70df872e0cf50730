import { parse } from 'yaml';
import { ManifestError } from '../manifests/parseManifests';

/**
 * The tool a folder of templates is rendered with before grading.
 *
 * @public
 */
export type RenderKind = 'helm' | 'kustomize';

/**
 * A folder to render: a Helm chart or a Kustomize overlay (or a base no overlay uses).
 *
 * @public
 */
export interface RenderRoot {
  kind: RenderKind;
  /** Its path, `/` separated, relative to the folder read (`''`: that folder itself). */
  dir: string;
  /** Helm: the chart's name (the release is named after it, so every reader names objects alike). */
  chart?: string;
}

/**
 * What {@link planRenders} found in a folder.
 *
 * @public
 */
export interface RenderPlan {
  roots: RenderRoot[];
  /**
   * Every chart and kustomization folder (roots and the bases they use): their files are
   * read whole for rendering and never graded one by one.
   */
  renderedDirs: string[];
  errors: ManifestError[];
}

const KUSTOMIZATION = new Set([
  'kustomization.yaml',
  'kustomization.yml',
  'Kustomization',
]);

const split = (path: string) => path.split(/[\\/]/).filter(s => s && s !== '.');
const dirOf = (path: string) => split(path).slice(0, -1).join('/');
const hidden = (segments: string[]) =>
  segments.some(s => s === 'node_modules' || (s.startsWith('.') && s !== '..'));

/**
 * What marks the folder of `path` as rendered: `Chart.yaml` (helm) or a kustomization file.
 *
 * @public
 */
export function renderMarker(path: string): RenderKind | undefined {
  const segments = split(path);
  if (hidden(segments.slice(0, -1))) return undefined;
  const name = segments[segments.length - 1];
  if (name === 'Chart.yaml') return 'helm';
  return KUSTOMIZATION.has(name ?? '') ? 'kustomize' : undefined;
}

/**
 * True when `path` (relative to the folder read) is inside one of `dirs` (`''` holds everything).
 *
 * @public
 */
export function isInsideRendered(path: string, dirs: string[]): boolean {
  const p = split(path).join('/');
  return dirs.some(d => d === '' || p === d || p.startsWith(`${d}/`));
}

/** `a/b` + `../c` → `a/c`; undefined when it leaves the folder read. */
function resolveRelative(dir: string, ref: string): string | undefined {
  const out = split(dir);
  for (const s of ref.split('/').filter(x => x && x !== '.')) {
    if (s !== '..') out.push(s);
    else if (out.length === 0) return undefined;
    else out.pop();
  }
  return out.join('/');
}

const REMOTE =
  /^[a-z][a-z0-9+.-]*:\/\/|^git@|^(github\.com|gitlab\.com|bitbucket\.org)\/|\?ref=|\/\/|\.git$/i;

/**
 * Finds the Helm charts and Kustomize folders among the files of a folder, before any is
 * rendered: `paths` are all the files known (relative, `/` separated) and `markers` the
 * content of each `Chart.yaml` and kustomization file among them. A chart inside another
 * (its `charts/`) belongs to it; a kustomization another one lists (resources, bases,
 * components) is a base, rendered through that overlay only. Remote bases and references
 * that leave the folder are refused here: nothing is fetched over the network.
 *
 * @public
 */
export function planRenders(
  paths: string[],
  markers: Array<{ path: string; content: string }>,
): RenderPlan {
  const errors: ManifestError[] = [];
  const charts = new Map<string, string | undefined>();
  for (const m of markers)
    if (renderMarker(m.path) === 'helm') {
      let name: unknown;
      try {
        name = (parse(m.content) as { name?: unknown } | null)?.name;
      } catch {
        // helm says what is wrong with it
      }
      charts.set(dirOf(m.path), typeof name === 'string' ? name : undefined);
    }
  const chartDirs = [...charts.keys()];
  const outerCharts = chartDirs.filter(
    d => !chartDirs.some(o => o !== d && isInsideRendered(d, [o])),
  );
  const kustomizations = markers.filter(
    m =>
      renderMarker(m.path) === 'kustomize' &&
      !isInsideRendered(dirOf(m.path), outerCharts),
  );
  const kustomizeDirs = new Set(kustomizations.map(m => dirOf(m.path)));
  const known = new Set<string>();
  for (const p of paths) {
    const segments = split(p);
    for (let i = 1; i <= segments.length; i++)
      known.add(segments.slice(0, i).join('/'));
  }
  const referenced = new Set<string>();
  const uses = new Map<string, string[]>();
  const refused = new Set<string>();
  for (const k of kustomizations) {
    const dir = dirOf(k.path);
    uses.set(dir, []);
    const fail = (message: string) => {
      refused.add(dir);
      errors.push({ file: k.path, line: 0, message });
    };
    let doc: Record<string, unknown> | null;
    try {
      doc = parse(k.content);
    } catch (e) {
      fail(`is not valid YAML (${(e as Error).message.split('\n')[0]})`);
      continue;
    }
    const refs = ['resources', 'bases', 'components'].flatMap(key => {
      const list = doc?.[key];
      return Array.isArray(list) ? list.filter(r => typeof r === 'string') : [];
    });
    for (const ref of refs as string[]) {
      if (REMOTE.test(ref)) {
        fail(
          `refers to the remote resource ${JSON.stringify(
            ref,
          )}: only the repository's own files are rendered (nothing is fetched); vendor it into the repository`,
        );
        continue;
      }
      const target = ref.startsWith('/')
        ? undefined
        : resolveRelative(dir, ref);
      if (target === undefined) {
        fail(
          `refers to ${JSON.stringify(
            ref,
          )}, outside the folder read: read a folder that holds the overlay and its bases`,
        );
        continue;
      }
      if (!known.has(target)) {
        fail(
          `refers to ${JSON.stringify(
            ref,
          )}, which is not a file or folder of the folder read`,
        );
        continue;
      }
      if (kustomizeDirs.has(target)) {
        referenced.add(target);
        uses.get(dir)!.push(target);
      }
    }
  }
  const roots: RenderRoot[] = [
    ...outerCharts.map(dir => ({
      kind: 'helm' as const,
      dir,
      chart: charts.get(dir),
    })),
    ...[...kustomizeDirs]
      .filter(d => !referenced.has(d) && !usesRefused(d, uses, refused))
      .map(dir => ({ kind: 'kustomize' as const, dir })),
  ].sort((a, b) => a.dir.localeCompare(b.dir));
  return {
    roots,
    renderedDirs: [...outerCharts, ...kustomizeDirs].sort(),
    errors,
  };
}

/** True when `dir` or a base it uses (at any depth) was refused: it is not rendered. */
function usesRefused(
  dir: string,
  uses: Map<string, string[]>,
  refused: Set<string>,
  seen = new Set<string>(),
): boolean {
  if (refused.has(dir)) return true;
  if (seen.has(dir)) return false;
  seen.add(dir);
  return (uses.get(dir) ?? []).some(d => usesRefused(d, uses, refused, seen));
}
