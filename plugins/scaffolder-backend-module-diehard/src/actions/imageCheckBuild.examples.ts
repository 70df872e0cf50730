import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      'Before anything is generated: the builder runs here, the registry answers with the configured credentials, and it holds the base images the Dockerfile starts FROM',
    example: yaml.stringify({
      steps: [
        {
          id: 'preflight',
          action: 'diehard:image:check-build',
          name: 'Check the image builder and registry',
          input: {
            registry: 'internal',
            builder: 'dockerfile',
            baseImages: [
              'platform/maven:3.8-openjdk-17',
              'platform/tomcat:10.1-jre17',
            ],
          },
        },
      ],
    }),
  },
];
