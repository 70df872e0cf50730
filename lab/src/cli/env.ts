/**
 * The environment `yarn lab env` exports for endpoints (`DIEHARD_REGISTRY_HOST`,
 * `DIEHARD_KUBERNETES_PORTAL_TOKEN`…), which app-config.lab.yaml reads: a test
 * starting the portal "as `scripts/start.sh` does" passes exactly these.
 */
export function labEnv(
  endpoints: Record<string, unknown>,
): Record<string, string> {
  const env: Record<string, string> = {};
  const emit = (prefix: string, value: unknown) => {
    if (value === undefined || value === null) return;
    if (Array.isArray(value) && value.every(v => typeof v !== 'object')) {
      emit(prefix, value.join(','));
      return;
    }
    if (typeof value === 'object') {
      for (const [k, v] of Object.entries(value as object)) {
        emit(
          `${prefix}_${k.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase()}`,
          v,
        );
      }
      return;
    }
    const text = String(value);
    if (text.includes('\n')) return; // PEM blocks: use the *_FILE variables
    env[prefix] = text;
  };
  for (const [name, endpoint] of Object.entries(endpoints)) {
    emit(`DIEHARD_${name.toUpperCase()}`, endpoint);
  }
  const k8s = endpoints.kubernetes as { adminKubeconfig?: string } | undefined;
  if (k8s?.adminKubeconfig) env.KUBECONFIG = k8s.adminKubeconfig;
  return env;
}

/** `diehard-lab env`: endpoints as shell exports (`eval "$(yarn lab env)"`). */
export function envExports(endpoints: Record<string, unknown>): string {
  const lines = Object.entries(labEnv(endpoints)).map(
    ([name, value]) => `export ${name}='${value.replace(/'/g, `'\\''`)}'`,
  );
  return lines.length
    ? `${lines.join('\n')}\n`
    : '# no lab component is running\n';
}
