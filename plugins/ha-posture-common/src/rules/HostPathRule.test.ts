import { deployment, netpol, pdb, rulesOn } from '../testing/fixtures';

const withHostPath = (path: string, readOnly = false) => [
  deployment('web', d => {
    d.spec.template.spec.volumes = [{ name: 'h', hostPath: { path } }];
    d.spec.template.spec.containers[0].volumeMounts = [
      { name: 'h', mountPath: '/mnt', readOnly },
    ];
  }),
  pdb(),
  netpol(),
];

describe('hostPathRule', () => {
  it('fires on data kept in a hostPath, not on system paths or read-only mounts', () => {
    expect(rulesOn('Deployment/shop/web', withHostPath('/srv/data'))).toEqual([
      'storage-hostpath',
    ]);
    expect(rulesOn('Deployment/shop/web', withHostPath('/var/log'))).toEqual(
      [],
    );
    expect(
      rulesOn('Deployment/shop/web', withHostPath('/srv/data', true)),
    ).toEqual([]);
  });
});
