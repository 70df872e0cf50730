import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      'As the first step of a template: refuse a cluster, namespace or storage class the apply step would refuse, and a host name another Ingress serves, before anything is built',
    example: yaml.stringify({
      steps: [
        {
          id: 'target',
          action: 'diehard:kubernetes:check-target',
          name: 'Check the target cluster',
          input: {
            cluster: '${{ parameters.cluster }}',
            namespace: '${{ parameters.namespace }}',
            storageClasses: ['${{ parameters.storageClass }}'],
            ingress: {
              name: '${{ parameters.name }}',
              hosts: ['${{ parameters.host }}'],
            },
            language: '${{ parameters.language }}',
          },
        },
      ],
    }),
  },
];
