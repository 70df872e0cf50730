import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      'Apply the manifests/ folder to the "lab" cluster in namespace diehard-apps and wait for rollouts',
    example: yaml.stringify({
      steps: [
        {
          id: 'apply',
          action: 'diehard:kubernetes:apply',
          name: 'Deploy',
          input: {
            cluster: 'lab',
            manifests: 'manifests',
            namespace: 'diehard-apps',
            timeoutSeconds: 120,
          },
        },
      ],
    }),
  },
  {
    description:
      'Apply with the image pinned to the digest a previous push step output',
    example: yaml.stringify({
      steps: [
        {
          id: 'apply',
          action: 'diehard:kubernetes:apply',
          name: 'Deploy pinned image',
          input: {
            cluster: 'lab',
            manifests: ['manifests/app.yaml'],
            namespace: 'diehard-apps',
            images: [
              {
                name: 'team/petclinic',
                reference: '${{ steps.push.output.reference }}',
              },
            ],
          },
        },
      ],
    }),
  },
];
