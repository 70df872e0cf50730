import crypto from 'node:crypto';

/**
 * A repository name no other test uses.
 *
 * @public
 */
export function uniqueRepository(prefix: string) {
  return `diehard-test/${prefix}-${crypto.randomBytes(4).toString('hex')}`;
}
