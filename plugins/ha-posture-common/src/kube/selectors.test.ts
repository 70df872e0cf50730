import {
  mapSelectorMatches,
  parseLabelString,
  selectorMatches,
} from './selectors';

describe('selectorMatches', () => {
  it('reads matchLabels and every matchExpressions operator', () => {
    const labels = { app: 'todo', tier: 'web' };
    expect(selectorMatches({ matchLabels: { app: 'todo' } }, labels)).toBe(
      true,
    );
    expect(selectorMatches({ matchLabels: { app: 'other' } }, labels)).toBe(
      false,
    );
    expect(
      selectorMatches(
        {
          matchExpressions: [{ key: 'tier', operator: 'In', values: ['web'] }],
        },
        labels,
      ),
    ).toBe(true);
    expect(
      selectorMatches(
        {
          matchExpressions: [
            { key: 'tier', operator: 'NotIn', values: ['web'] },
          ],
        },
        labels,
      ),
    ).toBe(false);
    expect(
      selectorMatches(
        { matchExpressions: [{ key: 'x', operator: 'DoesNotExist' }] },
        labels,
      ),
    ).toBe(true);
    expect(
      selectorMatches(
        { matchExpressions: [{ key: 'x', operator: 'Exists' }] },
        labels,
      ),
    ).toBe(false);
  });

  it('treats an empty selector as everything and a missing one as nothing', () => {
    expect(selectorMatches({}, { app: 'x' })).toBe(true);
    expect(selectorMatches(undefined, { app: 'x' })).toBe(false);
    expect(mapSelectorMatches({}, { app: 'x' })).toBe(false);
  });

  it('parses the label strings of KUBERNETES_LABELS', () => {
    const s = parseLabelString('app=todo, tier!=db')!;
    expect(selectorMatches(s, { app: 'todo', tier: 'web' })).toBe(true);
    expect(selectorMatches(s, { app: 'todo', tier: 'db' })).toBe(false);
  });
});
