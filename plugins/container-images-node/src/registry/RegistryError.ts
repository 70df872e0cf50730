import {
  AuthenticationError,
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import { HttpResponse } from './http';
import { isTransientStatus } from './retry';

/**
 * A registry answered with a status that is not a client mistake (5xx).
 *
 * @public
 */
export class RegistryServerError extends Error {
  readonly transient: boolean;
  constructor(message: string, readonly status: number) {
    super(message);
    this.name = 'RegistryServerError';
    this.transient = isTransientStatus(status) || status >= 500;
  }
}

/** `{"errors":[{"code":"BLOB_UNKNOWN","message":"…"}]}` → "BLOB_UNKNOWN: …". */
export function registryErrorText(res: HttpResponse): string {
  try {
    const body = JSON.parse(res.body.toString('utf8')) as {
      errors?: { code?: string; message?: string; detail?: unknown }[];
    };
    if (body.errors?.length) {
      return body.errors
        .map(e => [e.code, e.message].filter(Boolean).join(': '))
        .join('; ');
    }
  } catch {
    // not JSON
  }
  return `HTTP ${res.status}`;
}

/** Maps an unexpected registry answer to a Backstage error class. */
export function registryError(what: string, res: HttpResponse): Error {
  const message = `${what}: ${registryErrorText(res)}`;
  switch (res.status) {
    case 400:
    case 413:
    case 416:
      return new InputError(message);
    case 401:
      return new AuthenticationError(message);
    case 403:
      return new NotAllowedError(message);
    case 404:
      return new NotFoundError(message);
    case 409:
      return new ConflictError(message);
    default:
      return new RegistryServerError(message, res.status);
  }
}
