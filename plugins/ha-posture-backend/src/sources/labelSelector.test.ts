import { parseLabelSelector } from './labelSelector';

describe('parseLabelSelector', () => {
  const labels = {
    'backstage.io/kubernetes-id': 'todo',
    'app.kubernetes.io/name': 'todo-web',
    tier: 'front',
  };

  it('matches equality, inequality and existence the way the API server does', () => {
    expect(
      parseLabelSelector('backstage.io/kubernetes-id=todo').matches(labels),
    ).toBe(true);
    expect(
      parseLabelSelector('backstage.io/kubernetes-id==todo').matches(labels),
    ).toBe(true);
    expect(
      parseLabelSelector('backstage.io/kubernetes-id=billing').matches(labels),
    ).toBe(false);
    expect(parseLabelSelector('tier!=back').matches(labels)).toBe(true);
    expect(parseLabelSelector('tier!=front').matches(labels)).toBe(false);
    expect(parseLabelSelector('missing!=x').matches(labels)).toBe(true);
    expect(parseLabelSelector('tier').matches(labels)).toBe(true);
    expect(parseLabelSelector('!tier').matches(labels)).toBe(false);
    expect(parseLabelSelector('!legacy').matches(labels)).toBe(true);
  });

  it('reads set-based requirements, commas inside parentheses included', () => {
    const selector = parseLabelSelector(
      'app.kubernetes.io/name in (todo-web, todo-api), tier notin (back,db)',
    );
    expect(selector.matches(labels)).toBe(true);
    expect(selector.matches({ ...labels, tier: 'db' })).toBe(false);
    expect(selector.matches({ tier: 'front' })).toBe(false);
    expect(selector.matches(undefined)).toBe(false);
  });

  it('requires every requirement', () => {
    const selector = parseLabelSelector(
      'app.kubernetes.io/name=todo-web,tier=back',
    );
    expect(selector.matches(labels)).toBe(false);
  });

  it('names the part it cannot read', () => {
    expect(() => parseLabelSelector('app=web,tier in front')).toThrow(
      "cannot read 'tier in front' in the label selector 'app=web,tier in front'",
    );
  });
});
