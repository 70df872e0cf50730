/**
 * What went wrong talking to a cluster's API, safe to show any user in any language: an HTTP
 * status, a system error code or the error's class, never the cluster's address, a response
 * body or a token.
 */
export function apiFailureReason(error: unknown): string {
  const e = error as { code?: unknown; cause?: { code?: unknown }; name?: string };
  const code = e?.code ?? e?.cause?.code;
  if (typeof code === 'number' && code >= 100 && code < 600) {
    return `HTTP ${code}`;
  }
  if (typeof code === 'string' && /^E[A-Z_]{2,30}$/.test(code)) return code;
  if (e?.name === 'AbortError' || e?.name === 'TimeoutError') {
    return 'ETIMEDOUT';
  }
  const name = typeof e?.name === 'string' ? e.name : '';
  return /^[A-Za-z]{1,40}Error$/.test(name) ? name : 'ERROR';
}
