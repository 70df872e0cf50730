import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      'After registering: wait until the catalog holds the entity, so that the output link opens it',
    example: yaml.stringify({
      steps: [
        {
          id: 'register',
          action: 'catalog:register',
          name: 'Register in the catalog',
          input: {
            catalogInfoUrl: '${{ steps.publish.output.catalogInfoUrl }}',
          },
        },
        {
          id: 'catalog-ready',
          action: 'diehard:catalog:wait',
          name: 'Wait for the catalog',
          input: {
            entityRef: '${{ steps.register.output.entityRef }}',
            language: '${{ parameters.language }}',
          },
        },
      ],
    }),
  },
];
