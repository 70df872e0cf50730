import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      'Push the image built into ./image to the "internal" registry, tagged 1.0.0',
    example: yaml.stringify({
      steps: [
        {
          id: 'push',
          action: 'diehard:image:push',
          name: 'Push image',
          input: {
            registry: 'internal',
            repository: 'team/petclinic',
            tag: '1.0.0',
            layout: 'image',
          },
        },
      ],
    }),
  },
  {
    description:
      'Push by digest only (no tag), mounting shared base layers from another repository',
    example: yaml.stringify({
      steps: [
        {
          id: 'push',
          action: 'diehard:image:push',
          name: 'Push image by digest',
          input: {
            registry: 'internal',
            repository: 'team/petclinic-canary',
            layout: 'image',
            mountFrom: ['team/petclinic'],
          },
        },
      ],
    }),
  },
];
