import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      'Native build: the WAR and Tomcat config of the workspace as two layers, from scratch, reproducible',
    example: yaml.stringify({
      steps: [
        {
          id: 'build',
          action: 'diehard:image:build',
          name: 'Build image',
          input: {
            builder: 'native',
            layers: [
              { from: 'conf', to: '/usr/local/tomcat/conf' },
              {
                from: 'target/ROOT.war',
                to: '/usr/local/tomcat/webapps/ROOT.war',
              },
            ],
            entrypoint: ['/usr/local/tomcat/bin/catalina.sh', 'run'],
            env: { CATALINA_OPTS: '-Xmx512m' },
            exposedPorts: ['8080'],
            source: 'https://git.example.com/team/petclinic',
            revision: '0123456789abcdef',
            output: 'image',
          },
        },
      ],
    }),
  },
  {
    description:
      'Dockerfile build with buildah (vfs storage, chroot isolation) into an OCI layout',
    example: yaml.stringify({
      steps: [
        {
          id: 'build',
          action: 'diehard:image:build',
          name: 'Build image from Dockerfile',
          input: {
            builder: 'dockerfile',
            context: '.',
            dockerfile: 'Dockerfile',
            buildArgs: { VERSION: '1.0.0' },
            output: 'image',
          },
        },
      ],
    }),
  },
  {
    description:
      'Native build on a base image from the "internal" registry (its layers are mounted, not re-uploaded, on push)',
    example: yaml.stringify({
      steps: [
        {
          id: 'build',
          action: 'diehard:image:build',
          name: 'Build on a base image',
          input: {
            builder: 'native',
            base: {
              registry: 'internal',
              image: 'diehard-examples/tomcat-base:10',
            },
            layers: [
              {
                from: 'target/ROOT.war',
                to: '/usr/local/tomcat/webapps/ROOT.war',
              },
            ],
            env: { JAVA_OPTS: '-XX:MaxRAMPercentage=75' },
            source: 'https://git.example.com/team/petclinic',
          },
        },
        {
          id: 'push',
          action: 'diehard:image:push',
          name: 'Push image',
          input: {
            registry: 'internal',
            repository: 'team/petclinic',
            tag: '1.0.0',
            mountFrom: ['${{ steps.build.output.baseRepository }}'],
          },
        },
      ],
    }),
  },
];
