import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      'Publish the whole workspace as branch main of a new repository, then register its catalog-info.yaml',
    example: yaml.stringify({
      steps: [
        {
          id: 'publish',
          action: 'diehard:git:push',
          name: 'Publish the repository',
          input: {
            remoteUrl:
              '${{ environment.parameters.gitBaseUrl }}/dev-team/petclinic.git',
            defaultBranch: 'main',
            commitMessage: 'Initial commit: petclinic',
          },
        },
        {
          id: 'register',
          action: 'catalog:register',
          name: 'Register in the catalog',
          input: {
            catalogInfoUrl: '${{ steps.publish.output.catalogInfoUrl }}',
          },
        },
      ],
    }),
  },
  {
    description:
      'Publish one folder of the workspace, with the commit authored by the person who ran the template',
    example: yaml.stringify({
      steps: [
        {
          id: 'publish',
          action: 'diehard:git:push',
          name: 'Publish the manifests',
          input: {
            remoteUrl:
              '${{ environment.parameters.gitBaseUrl }}/ops-team/galera-orders.git',
            sourcePath: 'deploy',
            gitAuthorName: '${{ user.entity.spec.profile.displayName }}',
            gitAuthorEmail: '${{ user.entity.spec.profile.email }}',
          },
        },
      ],
    }),
  },
];
