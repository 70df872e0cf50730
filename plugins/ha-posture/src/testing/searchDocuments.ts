/**
 * The `ha-posture` search document the collator writes for orders (one replica):
 * its English finding, `overrides` over it.
 */
export function ordersPostureDocument(overrides: Record<string, unknown> = {}) {
  return {
    title: 'Orders API · HA D',
    entityTitle: 'Orders API',
    name: 'orders',
    location: '/catalog/default/component/orders/ha-posture',
    owner: 'group:default/shop-team',
    grade: 'D',
    rules: ['replicas-single'],
    categories: ['replicas'],
    text: 'replicas-single (replicas, critical): Deployment orders runs 1 replica.',
    ...overrides,
  };
}
