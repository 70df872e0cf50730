import { InputError } from '@backstage/errors';
import { isDigest } from './digest';

// From the OCI distribution spec.
const REPOSITORY =
  /^[a-z0-9]+((\.|_|__|-+)[a-z0-9]+)*(\/[a-z0-9]+((\.|_|__|-+)[a-z0-9]+)*)*$/;
const TAG = /^[a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}$/;
const HOST = /^[a-zA-Z0-9.-]+(:[0-9]+)?$|^\[[0-9a-fA-F:]+\](:[0-9]+)?$/;

/**
 * A parsed image reference: `host/repository[:tag][@digest]`.
 *
 * @public
 */
export interface ImageReference {
  host?: string;
  repository: string;
  tag?: string;
  digest?: string;
}

/** @public */
export function assertRepository(repository: string): string {
  if (repository.length > 255 || !REPOSITORY.test(repository)) {
    throw new InputError(
      `invalid repository name "${repository}": use lowercase letters, digits and separators (. _ __ -), path components joined by /`,
    );
  }
  return repository;
}

/** @public */
export function assertTag(tag: string): string {
  if (!TAG.test(tag)) {
    throw new InputError(
      `invalid tag "${tag}": up to 128 characters from [A-Za-z0-9_.-], not starting with . or -`,
    );
  }
  return tag;
}

/**
 * Parses `[host/]repository[:tag][@sha256:…]`. The first path component is a host
 * when it contains a "." or ":" or is "localhost", as in Docker's grammar.
 *
 * @public
 */
export function parseReference(reference: string): ImageReference {
  const ref = reference.trim();
  if (!ref) throw new InputError('empty image reference');
  let rest = ref;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!isDigest(digest)) {
      throw new InputError(`invalid digest in image reference "${ref}"`);
    }
  }
  let host: string | undefined;
  const slash = rest.indexOf('/');
  if (slash > 0) {
    const first = rest.slice(0, slash);
    if (first.includes('.') || first.includes(':') || first === 'localhost') {
      if (!HOST.test(first)) {
        throw new InputError(
          `invalid registry host in image reference "${ref}"`,
        );
      }
      host = first;
      rest = rest.slice(slash + 1);
    }
  }
  let tag: string | undefined;
  const colon = rest.lastIndexOf(':');
  if (colon >= 0) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    try {
      assertTag(tag);
    } catch {
      throw new InputError(`invalid tag "${tag}" in image reference "${ref}"`);
    }
  }
  try {
    assertRepository(rest);
  } catch {
    throw new InputError(
      `invalid repository "${rest}" in image reference "${ref}"`,
    );
  }
  return { host, repository: rest, tag, digest };
}

/** @public */
export function formatReference(ref: ImageReference): string {
  let out = ref.host ? `${ref.host}/${ref.repository}` : ref.repository;
  if (ref.tag) out += `:${ref.tag}`;
  if (ref.digest) out += `@${ref.digest}`;
  return out;
}
