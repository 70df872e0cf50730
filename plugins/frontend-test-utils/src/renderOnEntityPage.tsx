import { Entity } from '@backstage/catalog-model';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { todoWebEntity } from './entities';

type TestAppOptions = NonNullable<Parameters<typeof renderInTestApp>[1]>;

/**
 * `element` on an entity's page of the test app (`todoWebEntity` unless `entity` is
 * given), the entity route mounted so that links to entity pages resolve.
 */
export function renderOnEntityPage(
  element: JSX.Element,
  {
    entity = todoWebEntity,
    ...options
  }: TestAppOptions & { entity?: Entity } = {},
) {
  return renderInTestApp(
    <EntityProvider entity={entity}>{element}</EntityProvider>,
    {
      ...options,
      mountedRoutes: {
        '/catalog/:namespace/:kind/:name': entityRouteRef,
        ...options.mountedRoutes,
      },
    },
  );
}
