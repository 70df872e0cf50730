import { envExports } from './env';

describe('envExports', () => {
  it('prints shell exports a script can eval, quoting values and skipping PEM blocks', () => {
    const text = envExports({
      registry: {
        host: '127.0.0.1:15000',
        password: "it's",
        caPem: '-----BEGIN\nX\n-----END',
      },
      kubernetes: {
        adminKubeconfig: '/lab/admin.kubeconfig',
        zones: ['a', 'b'],
        portal: { token: 't' },
      },
    });

    expect(text.split('\n')).toEqual([
      "export DIEHARD_REGISTRY_HOST='127.0.0.1:15000'",
      `export DIEHARD_REGISTRY_PASSWORD='it'\\''s'`,
      "export DIEHARD_KUBERNETES_ADMIN_KUBECONFIG='/lab/admin.kubeconfig'",
      "export DIEHARD_KUBERNETES_ZONES='a,b'",
      "export DIEHARD_KUBERNETES_PORTAL_TOKEN='t'",
      "export KUBECONFIG='/lab/admin.kubeconfig'",
      '',
    ]);
  });

  it('says so when nothing runs', () => {
    expect(envExports({})).toBe('# no lab component is running\n');
  });
});
