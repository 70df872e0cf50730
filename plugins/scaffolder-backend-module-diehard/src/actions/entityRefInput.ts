import { InputError } from '@backstage/errors';

/** A full entity reference, `kind:namespace/name`, as a template writes it. */
const ENTITY_REF = /^[A-Za-z][A-Za-z0-9-]*:[a-z0-9-_.]+\/[A-Za-z0-9-_.]+$/;

/** Refuses an `entityRef` input that is not `kind:namespace/name`, naming its start. */
export function checkEntityRef(ref: string): void {
  if (ref.length > 300 || !ENTITY_REF.test(ref))
    throw new InputError(
      `entityRef "${ref.slice(
        0,
        80,
      )}" is not an entity reference kind:namespace/name`,
    );
}
