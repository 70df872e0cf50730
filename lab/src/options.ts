import { z } from 'zod';
import type { UpOptions } from './components/types';
import { LabError } from './util/errors';

const namespace = z
  .string()
  .regex(
    /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/,
    'must be a namespace name (RFC 1123 label)',
  );

const upOptionsSchema = z.object({
  nodes: z.number().int().min(1).max(10_000).optional(),
  portalNamespaces: z.array(namespace).min(1).optional(),
  controlPlane: z
    .enum(['single', 'ha'], {
      errorMap: () => ({ message: 'must be "single" or "ha"' }),
    })
    .optional(),
});

const list = (value?: string) =>
  value
    ?.split(',')
    .map(s => s.trim())
    .filter(Boolean);

/**
 * The caller's options, else DIEHARD_LAB_NODES, DIEHARD_LAB_PORTAL_NAMESPACES and
 * DIEHARD_LAB_CONTROL_PLANE;
 * a bad value throws a LabError that names it.
 */
export function resolveUpOptions(
  options: UpOptions,
  env: NodeJS.ProcessEnv = process.env,
): UpOptions {
  const parsed = upOptionsSchema.safeParse({
    nodes:
      options.nodes ??
      (env.DIEHARD_LAB_NODES ? Number(env.DIEHARD_LAB_NODES) : undefined),
    portalNamespaces:
      options.portalNamespaces ?? list(env.DIEHARD_LAB_PORTAL_NAMESPACES),
    controlPlane:
      options.controlPlane ?? (env.DIEHARD_LAB_CONTROL_PLANE || undefined),
  });
  if (!parsed.success) {
    const why = parsed.error.issues
      .map(i => `${i.path.join('.') || 'options'}: ${i.message}`)
      .join('; ');
    throw new LabError(`invalid lab options (${why})`);
  }
  return parsed.data;
}
