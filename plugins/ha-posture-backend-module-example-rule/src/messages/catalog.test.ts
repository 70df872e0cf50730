import { placeholdersOf } from '@diehard/plugin-ha-posture-common';
import { PRESTOP_MESSAGES_EN } from './en';
import { PRESTOP_MESSAGES_FR } from './fr';

describe("the example rule's messages", () => {
  it('exist in French for every English id, with the same placeholders', () => {
    expect(Object.keys(PRESTOP_MESSAGES_FR).sort()).toEqual(
      Object.keys(PRESTOP_MESSAGES_EN).sort(),
    );
    for (const [id, english] of Object.entries(PRESTOP_MESSAGES_EN)) {
      const french =
        PRESTOP_MESSAGES_FR[id as keyof typeof PRESTOP_MESSAGES_EN];
      expect(placeholdersOf(french).sort()).toEqual(
        placeholdersOf(english).sort(),
      );
      expect(french).not.toBe(english);
    }
  });
});
