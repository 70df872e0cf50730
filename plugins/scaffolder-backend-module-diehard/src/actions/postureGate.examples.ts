import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description: 'Fail the template when the generated manifests grade below B',
    example: yaml.stringify({
      steps: [
        {
          id: 'posture',
          action: 'diehard:posture:gate',
          name: 'HA posture gate',
          input: {
            manifests: 'manifests',
            minimumGrade: 'B',
            service: 'petclinic',
          },
        },
      ],
    }),
  },
];
