/** The lab's Kubernetes API server as the backend's `kubernetes.clusterLocatorMethods`. */
export function labClusterLocators(kubernetes: {
  server: string;
  caPem: string;
  portal: { token: string };
}) {
  return [
    {
      type: 'config',
      clusters: [
        {
          name: 'lab',
          url: kubernetes.server,
          authProvider: 'serviceAccount',
          serviceAccountToken: kubernetes.portal.token,
          caData: Buffer.from(kubernetes.caPem).toString('base64'),
        },
      ],
    },
  ];
}
