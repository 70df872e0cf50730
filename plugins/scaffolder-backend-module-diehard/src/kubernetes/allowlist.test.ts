import { enforceAllowlist } from './allowlist';
import { BundleObject } from './bundle';

const obj = (kind: string, name: string, namespace?: string): BundleObject => ({
  object: {
    apiVersion: 'v1',
    kind,
    metadata: { name, ...(namespace ? { namespace } : {}) },
  },
  source: 'manifests/app.yaml',
});

const allow = {
  cluster: 'lab',
  namespaces: ['team-a'],
  kinds: ['Deployment', 'Service', 'Namespace'],
};

describe('enforceAllowlist', () => {
  it('fills in the default namespace and accepts allowed objects', () => {
    const bundle = [
      obj('Deployment', 'web'),
      obj('Service', 'web', 'team-a'),
      obj('Namespace', 'team-a'),
    ];
    expect(() => enforceAllowlist(bundle, allow, 'team-a')).not.toThrow();
    expect(bundle[0].object.metadata.namespace).toBe('team-a');
    expect(bundle[2].object.metadata.namespace).toBeUndefined();
  });

  it('lists every refused object, by namespace and by kind', () => {
    const bundle = [
      obj('Deployment', 'web', 'kube-system'),
      obj('ClusterRole', 'admin-ish'),
      obj('Namespace', 'other'),
      obj('Service', 'web'),
    ];
    expect(() => enforceAllowlist(bundle, allow)).toThrow(
      'refused before anything was sent to cluster "lab": ' +
        'Deployment kube-system/web (manifests/app.yaml): namespace "kube-system" is not allowed (allowed: team-a); ' +
        'ClusterRole admin-ish (manifests/app.yaml): kind ClusterRole is not allowed (allowed: Deployment, Service, Namespace); ' +
        'Namespace other (manifests/app.yaml): namespace "other" is not allowed (allowed: team-a); ' +
        "Service web (manifests/app.yaml): no namespace (set metadata.namespace or the action's namespace input)",
    );
  });

  it('says it in French to a French-speaking user', () => {
    expect(() =>
      enforceAllowlist(
        [obj('Deployment', 'web', 'kube-system'), obj('Service', 'web')],
        allow,
        undefined,
        'fr',
      ),
    ).toThrow(
      'refusé avant tout envoi au cluster « lab » : ' +
        "Deployment kube-system/web (manifests/app.yaml) : le namespace « kube-system » n'est pas permis (permis : team-a) ; " +
        "Service web (manifests/app.yaml) : aucun namespace (renseignez metadata.namespace ou l'entrée namespace de l'action)",
    );
  });

  it('accepts any kind with "*", but never a namespace outside the list', () => {
    expect(() =>
      enforceAllowlist([obj('Widget', 'w', 'team-b')], {
        ...allow,
        kinds: ['*'],
      }),
    ).toThrow(/namespace "team-b" is not allowed/);
  });
});
