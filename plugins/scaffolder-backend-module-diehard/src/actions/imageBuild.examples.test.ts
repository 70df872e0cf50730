import path from 'node:path';
import { OciLayout, pushImage } from '@diehard/plugin-container-images-node';
import { createImageBuildAction } from './imageBuild';
import { examples } from './imageBuild.examples';
import { createImagePushAction } from './imagePush';
import { useLabRegistry } from '../__testUtils__/labRegistry';
import { runExample } from '../__testUtils__/runExample';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionsAnswering } from '../__testUtils__/permissions';

jest.setTimeout(120_000);

describe('diehard:image:build examples', () => {
  const lab = useLabRegistry();
  const { mockDir } = lab;

  beforeEach(() => {
    mockDir.clear();
    mockDir.setContent({
      'target/ROOT.war': 'PK war',
      'conf/server.xml': '<Server port="-1"/>',
      Dockerfile:
        'FROM scratch\nARG VERSION\nCOPY target/ROOT.war /usr/local/tomcat/webapps/ROOT.war\nLABEL version=$VERSION\n',
      'base/bin/catalina.sh': '#!/bin/sh\n',
    });
  });

  const actions = () => {
    const registries = lab.registries();
    return [
      createImageBuildAction({ registries }),
      createImagePushAction({
        registries,
        permissions: permissionsAnswering(AuthorizeResult.ALLOW),
      }),
    ];
  };

  it.each(examples.map(e => [e.description, e] as const))(
    'runs: %s',
    async (_d, example) => {
      if (example.example.includes('diehard-examples/tomcat-base:10')) {
        // The base image the example names, as a platform team would have published it.
        const client = lab.client();
        try {
          const [build] = actions();
          await runExample(
            `steps: [{ id: b, action: diehard:image:build, input: { output: base-layout, layers: [{ from: base/bin, to: /usr/local/tomcat/bin }] } }]`,
            [build],
            mockDir.path,
          );
          await pushImage(
            client,
            await OciLayout.open(path.join(mockDir.path, 'base-layout')),
            {
              repository: 'diehard-examples/tomcat-base',
              tag: '10',
            },
          );
        } finally {
          client.close();
        }
      }
      const outputs = await runExample(
        example.example,
        actions(),
        mockDir.path,
      );
      expect(outputs.build.digest).toMatch(/^sha256:[a-f0-9]{64}$/);
      const layout = await OciLayout.open(
        path.join(mockDir.path, String(outputs.build.layout)),
      );
      expect((await layout.resolve('latest')).digest).toBe(
        outputs.build.digest,
      );
      expect(outputs.push?.digest ?? outputs.build.digest).toBe(
        outputs.build.digest,
      );
    },
  );
});
