import { makeValidator, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';

const validator = makeValidator();
/** Longer than any ref the catalog accepts (kind, 63-character namespace and name). */
const MAX_SHOWN = 120;

/** The ref as the caller wrote it, shortened and with control characters made visible. */
export function shownRef(raw: string): string {
  const visible = JSON.stringify(raw).slice(1, -1);
  return visible.length > MAX_SHOWN
    ? `${visible.slice(0, MAX_SHOWN)}… (${raw.length} characters)`
    : visible;
}

/**
 * The entity ref of `/entities/:kind/:namespace/:name`, checked with the catalog's own
 * rules, or an InputError naming the ref and the part that is wrong.
 */
export function entityRefParam(params: {
  kind?: string;
  namespace?: string;
  name?: string;
}): string {
  const { kind = '', namespace = '', name = '' } = params;
  const raw = `${kind}:${namespace}/${name}`;
  const wrong = [
    !validator.isValidKind(kind) &&
      'the kind must be 1 to 63 letters and digits',
    !validator.isValidNamespace(namespace) &&
      'the namespace must be 1 to 63 lowercase letters, digits and -',
    !validator.isValidEntityName(name) &&
      'the name must be 1 to 63 letters, digits and -_.',
  ].filter(Boolean);
  if (wrong.length) {
    throw new InputError(
      `"${shownRef(raw)}" is not an entity reference: ${wrong.join('; ')}`,
    );
  }
  return stringifyEntityRef({ kind, namespace, name });
}

/** For paths under /entities that have no kind, namespace and name. */
export function notAnEntityPath(rest: string): InputError {
  return new InputError(
    `"${shownRef(
      rest,
    )}" is not an entity reference: the path must be /entities/<kind>/<namespace>/<name>`,
  );
}
