import { resolveUpOptions } from './options';

describe('resolveUpOptions', () => {
  it('takes the caller’s options over the environment', () => {
    expect(
      resolveUpOptions(
        { nodes: 300, portalNamespaces: ['team-a'] },
        { DIEHARD_LAB_NODES: '12', DIEHARD_LAB_PORTAL_NAMESPACES: 'x' },
      ),
    ).toEqual({ nodes: 300, portalNamespaces: ['team-a'] });
  });

  it('reads node count and namespaces from the environment', () => {
    expect(
      resolveUpOptions(
        {},
        {
          DIEHARD_LAB_NODES: '12',
          DIEHARD_LAB_PORTAL_NAMESPACES: 'team-a, team-b',
        },
      ),
    ).toEqual({ nodes: 12, portalNamespaces: ['team-a', 'team-b'] });
  });

  it('reads the control plane from the environment, the caller’s first', () => {
    expect(resolveUpOptions({}, { DIEHARD_LAB_CONTROL_PLANE: 'ha' })).toEqual({
      controlPlane: 'ha',
    });
    expect(
      resolveUpOptions(
        { controlPlane: 'single' },
        { DIEHARD_LAB_CONTROL_PLANE: 'ha' },
      ),
    ).toEqual({ controlPlane: 'single' });
    expect(() =>
      resolveUpOptions({}, { DIEHARD_LAB_CONTROL_PLANE: 'triple' }),
    ).toThrow(/invalid lab options \(controlPlane: must be "single" or "ha"\)/);
  });

  it('names the value it refuses', () => {
    expect(() => resolveUpOptions({}, { DIEHARD_LAB_NODES: 'many' })).toThrow(
      /invalid lab options \(nodes: Expected number, received nan\)/,
    );
    expect(() =>
      resolveUpOptions({ portalNamespaces: ['Team_A'] }, {}),
    ).toThrow(/portalNamespaces\.0: must be a namespace name/);
  });
});
