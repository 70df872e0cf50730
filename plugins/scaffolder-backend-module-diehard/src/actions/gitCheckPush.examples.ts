import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      'Before anything is built or deployed: refuse a name whose repository already exists, rather than fail at the publish step after the deploy',
    example: yaml.stringify({
      steps: [
        {
          id: 'check-publish',
          action: 'diehard:git:check-push',
          name: 'Check the repository name',
          input: {
            remoteUrl:
              '${{ environment.parameters.gitBaseUrl }}/${{ parameters.repoOwner }}/${{ parameters.name }}.git',
            language: '${{ parameters.language }}',
          },
        },
      ],
    }),
  },
];
