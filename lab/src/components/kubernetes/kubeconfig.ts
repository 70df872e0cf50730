import YAML from 'yaml';

/** A kubeconfig that authenticates with a bearer token and trusts the lab CA. */
export function kubeconfigYaml(options: {
  server: string;
  caFile: string;
  user: string;
  token: string;
  namespace?: string;
}): string {
  return YAML.stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [
      {
        name: 'diehard-lab',
        cluster: {
          server: options.server,
          'certificate-authority': options.caFile,
        },
      },
    ],
    users: [{ name: options.user, user: { token: options.token } }],
    contexts: [
      {
        name: `${options.user}@diehard-lab`,
        context: {
          cluster: 'diehard-lab',
          user: options.user,
          ...(options.namespace ? { namespace: options.namespace } : {}),
        },
      },
    ],
    'current-context': `${options.user}@diehard-lab`,
  });
}
