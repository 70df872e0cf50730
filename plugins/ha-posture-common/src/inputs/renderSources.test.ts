import { isInsideRendered, planRenders, renderMarker } from './renderSources';

const kustomization = (path: string, content: string) => ({ path, content });

describe('planRenders', () => {
  it('renders a chart as one root named after its chart, its subcharts with it', () => {
    const plan = planRenders(
      [
        'web/Chart.yaml',
        'web/values.yaml',
        'web/templates/deployment.yaml',
        'web/charts/db/Chart.yaml',
        'plain.yaml',
      ],
      [
        { path: 'web/Chart.yaml', content: 'apiVersion: v2\nname: web-app\n' },
        { path: 'web/charts/db/Chart.yaml', content: 'name: db\n' },
      ],
    );
    expect(plan.roots).toEqual([
      { kind: 'helm', dir: 'web', chart: 'web-app' },
    ]);
    expect(plan.renderedDirs).toEqual(['web']);
    expect(
      isInsideRendered('web/templates/deployment.yaml', plan.renderedDirs),
    ).toBe(true);
    expect(isInsideRendered('plain.yaml', plan.renderedDirs)).toBe(false);
    expect(plan.errors).toEqual([]);
  });

  it('renders an overlay, not the base it lists; a lone base is a root', () => {
    const plan = planRenders(
      [
        'base/kustomization.yaml',
        'base/deployment.yaml',
        'overlays/prod/kustomization.yml',
        'overlays/prod/replicas.yaml',
        'other/Kustomization',
      ],
      [
        kustomization(
          'base/kustomization.yaml',
          'resources: [deployment.yaml]\n',
        ),
        kustomization(
          'overlays/prod/kustomization.yml',
          'resources:\n  - ../../base\npatches:\n  - path: replicas.yaml\n',
        ),
        kustomization('other/Kustomization', 'resources: []\n'),
      ],
    );
    expect(plan.roots).toEqual([
      { kind: 'kustomize', dir: 'other' },
      { kind: 'kustomize', dir: 'overlays/prod' },
    ]);
    expect(plan.renderedDirs).toEqual(['base', 'other', 'overlays/prod']);
  });

  it('refuses remote bases, references out of the folder and missing ones, and renders none of them', () => {
    const plan = planRenders(
      [
        'a/kustomization.yaml',
        'b/kustomization.yaml',
        'c/kustomization.yaml',
        'd/kustomization.yaml',
      ],
      [
        kustomization(
          'a/kustomization.yaml',
          'resources:\n  - github.com/org/repo//deploy?ref=v1\n',
        ),
        kustomization('b/kustomization.yaml', 'bases:\n  - ../../elsewhere\n'),
        kustomization('c/kustomization.yaml', 'resources:\n  - nothing-here\n'),
        kustomization('d/kustomization.yaml', 'resources:\n  - ../a\n'),
      ],
    );
    expect(plan.roots).toEqual([]);
    expect(plan.errors.map(e => `${e.file}: ${e.message}`)).toEqual([
      `a/kustomization.yaml: refers to the remote resource "github.com/org/repo//deploy?ref=v1": only the repository's own files are rendered (nothing is fetched); vendor it into the repository`,
      'b/kustomization.yaml: refers to "../../elsewhere", outside the folder read: read a folder that holds the overlay and its bases',
      'c/kustomization.yaml: refers to "nothing-here", which is not a file or folder of the folder read',
    ]);
  });

  it('ignores markers in hidden folders and node_modules', () => {
    expect(renderMarker('.github/kustomization.yaml')).toBeUndefined();
    expect(renderMarker('node_modules/x/Chart.yaml')).toBeUndefined();
    expect(renderMarker('Chart.yaml')).toBe('helm');
    expect(renderMarker('deploy/Kustomization')).toBe('kustomize');
  });
});
