import yaml from 'yaml';
import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { capturingLogger } from '@diehard/backend-test-utils';
import { createCatalogWaitAction } from './catalogWait';
import { examples } from './catalogWait.examples';

const shop = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'shop', namespace: 'default' },
  spec: { type: 'service', owner: 'group:default/dev-team', lifecycle: 'x' },
};

/**
 * A catalog (Backstage's in-memory test double) that holds the entity only from its
 * `after`-th look on, as the real one does once it has processed a new location.
 */
function catalogProcessingAfter(after: number) {
  const catalog = catalogServiceMock({ entities: [shop] });
  const getEntityByRef = catalog.getEntityByRef.bind(catalog);
  let looks = 0;
  catalog.getEntityByRef = jest.fn(async (ref, options) =>
    ++looks >= after ? getEntityByRef(ref, options) : undefined,
  ) as typeof catalog.getEntityByRef;
  return catalog;
}

function run(
  input: Record<string, unknown>,
  catalog = catalogProcessingAfter(3),
  isDryRun = false,
) {
  const logger = capturingLogger();
  const ctx = createMockActionContext<any>({ input, logger });
  Object.assign(ctx, { logger, isDryRun });
  const action = createCatalogWaitAction({
    catalog,
    auth: mockServices.auth(),
    pollMs: 10,
  });
  return { done: action.handler(ctx), logger, catalog };
}

describe('diehard:catalog:wait', () => {
  it('returns once the catalog holds the registered entity, and says so', async () => {
    const { done, logger, catalog } = run({
      entityRef: 'component:default/shop',
    });
    await done;
    expect(catalog.getEntityByRef).toHaveBeenCalledTimes(3);
    expect(logger.text()).toMatch(
      /catalog: component:default\/shop is in the catalog \(\d+ s\): "Open in the catalog" opens it/,
    );
  });

  it('gives up after its timeout with a message saying what to look at, in French too', async () => {
    await expect(
      run(
        { entityRef: 'component:default/shop', timeoutSeconds: 1 },
        catalogProcessingAfter(Infinity),
      ).done,
    ).rejects.toMatchObject({
      name: 'NotFoundError',
      message: expect.stringMatching(
        /^component:default\/shop is still not in the catalog after 1 s: its registration was accepted, but the catalog has not processed it/,
      ),
    });
    await expect(
      run(
        {
          entityRef: 'component:default/shop',
          timeoutSeconds: 1,
          language: 'fr',
        },
        catalogProcessingAfter(Infinity),
      ).done,
    ).rejects.toMatchObject({
      message: expect.stringMatching(
        /^component:default\/shop n'est toujours pas au catalogue après 1 s/,
      ),
    });
  });

  it('refuses what is not an entity reference, or none, before looking', async () => {
    for (const input of [{ entityRef: 'component:default/a b' }, {}]) {
      const { done, catalog } = run(input);
      await expect(done).rejects.toMatchObject({
        name: 'InputError',
        message: expect.stringMatching(
          /is not an entity reference kind:namespace\/name$/,
        ),
      });
      expect(catalog.getEntityByRef).not.toHaveBeenCalled();
    }
  });

  it('does not wait in a dry run, where nothing was registered', async () => {
    for (const input of [{ entityRef: 'component:default/shop' }, {}]) {
      const { done, catalog } = run(
        input,
        catalogProcessingAfter(Infinity),
        true,
      );
      await done;
      expect(catalog.getEntityByRef).not.toHaveBeenCalled();
    }
  });

  it.each(examples.map(e => [e.description, e] as const))(
    'runs its example: %s',
    async (_d, example) => {
      const step = yaml
        .parse(example.example)
        .steps.find((s: any) => s.action === 'diehard:catalog:wait');
      expect(step.input.entityRef).toBe(
        '${{ steps.register.output.entityRef }}',
      );
      await run({ entityRef: 'component:default/shop', language: 'en' }).done;
    },
  );
});
