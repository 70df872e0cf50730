import fs from 'node:fs';
import path from 'node:path';
import { createMockDirectory } from '@backstage/backend-test-utils';
import { createPostureGateAction } from './postureGate';
import { examples } from './postureGate.examples';
import { runExample } from '../__testUtils__/runExample';

const fixtures = path.resolve(__dirname, '../__testUtils__/fixtures/posture');

describe('diehard:posture:gate examples', () => {
  it.each(examples.map(e => [e.description, e] as const))(
    'runs: %s',
    async (_d, example) => {
      const dir = createMockDirectory({
        content: {
          'manifests/app.yaml': fs.readFileSync(
            path.join(fixtures, 'good/app.yaml'),
            'utf8',
          ),
        },
      });
      const outputs = await runExample(
        example.example,
        [createPostureGateAction()],
        dir.path,
      );
      expect(outputs.posture.passed).toBe(true);
    },
  );
});
