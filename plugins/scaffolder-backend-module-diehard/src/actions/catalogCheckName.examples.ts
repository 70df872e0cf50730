import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      'Before anything is built or deployed: refuse a service name the catalog already has (another team may have chosen it)',
    example: yaml.stringify({
      steps: [
        {
          id: 'check-name',
          action: 'diehard:catalog:check-name',
          name: 'Check the name in the catalog',
          input: {
            entityRef: 'component:default/${{ parameters.name }}',
            language: '${{ parameters.language }}',
          },
        },
      ],
    }),
  },
];
