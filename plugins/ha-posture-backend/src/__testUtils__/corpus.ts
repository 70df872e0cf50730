import path from 'node:path';

/** A folder of the posture engine's corpus (ha-posture-common/corpus/<folder>). */
export function corpusDir(folder: string): string {
  return path.resolve(
    require.resolve('@diehard/plugin-ha-posture-common/package.json'),
    '../corpus',
    folder,
  );
}
