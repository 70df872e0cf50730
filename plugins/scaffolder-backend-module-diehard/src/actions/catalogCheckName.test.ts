import yaml from 'yaml';
import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { capturingLogger } from '@diehard/backend-test-utils';
import { createCatalogCheckNameAction } from './catalogCheckName';
import { examples } from './catalogCheckName.examples';

/** A catalog (in memory: the test double Backstage ships) holding another team's service. */
const catalog = catalogServiceMock({
  entities: [
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: 'shop', namespace: 'default' },
      spec: {
        type: 'service',
        owner: 'group:default/ops-team',
        lifecycle: 'production',
      },
    },
  ],
});

function run(input: Record<string, string>) {
  const logger = capturingLogger();
  const ctx = createMockActionContext<any>({ input, logger });
  Object.assign(ctx, { logger });
  const action = createCatalogCheckNameAction({
    catalog,
    auth: mockServices.auth(),
  });
  return { done: action.handler(ctx), logger };
}

describe('diehard:catalog:check-name', () => {
  it('lets a free name through and refuses one the catalog has, whatever its case', async () => {
    const free = run({ entityRef: 'component:default/shop-2' });
    await free.done;
    expect(free.logger.text()).toContain(
      'catalog: no entity is named component:default/shop-2 yet',
    );
    await expect(
      run({ entityRef: 'component:default/shop' }).done,
    ).rejects.toMatchObject({
      name: 'ConflictError',
      message:
        'component:default/shop is already in the catalog: another service has that name; choose another name (nothing was built or deployed)',
    });
    await expect(
      run({ entityRef: 'Component:default/Shop', language: 'fr' }).done,
    ).rejects.toMatchObject({
      message:
        "Component:default/Shop est déjà au catalogue : un autre service porte ce nom ; choisissez-en un autre (rien n'a été construit ni déployé)",
    });
  });

  it('refuses what is not an entity reference, naming it', async () => {
    for (const entityRef of [
      'shop',
      'component:shop',
      `component:default/${'x'.repeat(400)}`,
      'component:default/a b',
    ])
      await expect(run({ entityRef }).done).rejects.toMatchObject({
        name: 'InputError',
      });
  });

  it.each(examples.map(e => [e.description, e] as const))(
    'runs its example: %s',
    async (_d, example) => {
      const [step] = yaml.parse(example.example).steps;
      expect(step.action).toBe('diehard:catalog:check-name');
      const input = {
        entityRef: step.input.entityRef.replace(
          '${{ parameters.name }}',
          'shop',
        ),
        language: 'en',
      };
      await expect(run(input).done).rejects.toMatchObject({
        name: 'ConflictError',
      });
    },
  );
});
