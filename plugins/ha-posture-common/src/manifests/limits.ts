/**
 * Bounds on what {@link parseManifests} reads: hostile input fails fast with a clear error.
 *
 * @public
 */
export interface ManifestLimits {
  /** Largest manifest text, in UTF-8 bytes. */
  maxBytes: number;
  /**
   * YAML alias budget, as the `yaml` library counts it (aliases weighted by the size of what
   * they repeat): a few hundred bytes of nested aliases otherwise expand to gigabytes.
   */
  maxAliasCount: number;
}

/**
 * 64 MiB per file (a `helm template` of a large platform is a few MB); 100 aliases (`yaml`'s own default).
 *
 * @public
 */
export const DEFAULT_MANIFEST_LIMITS: ManifestLimits = {
  maxBytes: 64 * 1024 * 1024,
  maxAliasCount: 100,
};

/** The UTF-8 length of a string, without encoding it. */
export function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/**
 * `64 MiB`, `512 KiB`, `300 B`.
 *
 * @public
 */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0)
    return `${bytes / (1024 * 1024)} MiB`;
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KiB`;
  return `${bytes} B`;
}
