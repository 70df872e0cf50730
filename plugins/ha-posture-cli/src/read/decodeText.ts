/**
 * Decodes a manifest or Tomcat file as UTF-8 (a UTF-8 byte order mark is dropped). Returns
 * the text, or why it is not UTF-8 text: binary and UTF-16 files are named, not read as empty.
 */
export function decodeText(
  bytes: Uint8Array,
): { text: string } | { error: string } {
  if (
    (bytes[0] === 0xff && bytes[1] === 0xfe) ||
    (bytes[0] === 0xfe && bytes[1] === 0xff)
  )
    return {
      error:
        'UTF-16 text, not UTF-8: convert it first (e.g. iconv -f UTF-16 -t UTF-8)',
    };
  if (bytes.indexOf(0) >= 0)
    return {
      error:
        'not UTF-8 text: it contains NUL bytes (a binary file, or UTF-16 without a byte order mark)',
    };
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
  } catch {
    return { error: 'not UTF-8 text (a binary file?)' };
  }
}
