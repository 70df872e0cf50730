/* eslint-disable jest/no-export -- a shared suite: the templates' test files call it */
import { renderOnLab } from './labConfig';
import { DryRunResponse, ScaffolderUnderTest } from './scaffolderDryRun';
import {
  REFUSED_TARGETS,
  refusalOf,
  refusedAtFirstStep,
} from './targetRefusal';

/** A template rendered on the lab: the scaffolder that did it and what it gave. */
export interface RenderedOnLab {
  scaffolder: ScaffolderUnderTest;
  registryHost: string;
  rendered: DryRunResponse;
  objects: any[];
}

/**
 * Renders `template` with `form` through the real scaffolder on the lab before the
 * suite, and stops that scaffolder after it. The members are set when the tests run.
 */
export function useRenderedOnLab(
  template: string,
  form: Record<string, unknown>,
): RenderedOnLab {
  const onLab = {} as RenderedOnLab;
  beforeAll(async () => {
    Object.assign(onLab, await renderOnLab(template, form));
  });
  afterAll(async () => {
    await onLab.scaffolder?.stop();
  });
  return onLab;
}

/**
 * The tests every template's form passes: each `[field, value, message]` of `fields`
 * (the rest of `form` valid) is refused with `message`, naming the field; and each
 * target the lab does not open is refused at the first step, before anything is built,
 * pushed or applied.
 */
export function itRefusesBadInput(
  onLab: RenderedOnLab,
  template: string,
  form: Record<string, unknown>,
  fields: Array<[string, unknown, RegExp]>,
) {
  it.each(fields)(
    'refuses %s = %j with a message naming the field',
    async (field, value, message) => {
      const r = await onLab.scaffolder.dryRun(template, {
        ...form,
        [field]: value,
      });
      expect(r.status).toBe(400);
      expect(r.body.errors.map((e: any) => e.stack).join('\n')).toMatch(
        message,
      );
      expect(r.body.errors.every((e: any) => e.path[0] === field)).toBe(true);
    },
  );

  it.each(REFUSED_TARGETS)(
    'refuses %s = %j at its first step, naming the field, before anything is built, pushed or applied',
    async (field, value, message) => {
      expect(
        await refusalOf(onLab.scaffolder, template, {
          ...form,
          [field]: value,
        }),
      ).toEqual(refusedAtFirstStep(message));
    },
  );
}
