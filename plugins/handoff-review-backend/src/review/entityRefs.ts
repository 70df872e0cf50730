import {
  makeValidator,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';

const validator = makeValidator();

/** `raw` as a full entity ref, or a 400 naming `field` when it is not one. */
export function entityRefParam(field: string, raw: string): string {
  let ref: ReturnType<typeof parseEntityRef> | undefined;
  try {
    ref = parseEntityRef(raw);
  } catch {
    ref = undefined;
  }
  if (
    !ref ||
    !validator.isValidKind(ref.kind) ||
    !validator.isValidNamespace(ref.namespace) ||
    !validator.isValidEntityName(ref.name)
  ) {
    throw new InputError(
      `${field} must be an entity ref like component:default/my-service, got '${raw.slice(
        0,
        200,
      )}'`,
    );
  }
  return stringifyEntityRef(ref);
}
