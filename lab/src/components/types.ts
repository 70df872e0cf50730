import type { LabPaths } from '../paths';
import type { Reporter } from '../util/reporter';

export type ComponentName =
  | 'postgres'
  | 'registry'
  | 'kubernetes'
  | 'galera'
  | 'tomcat'
  | 'git'
  | 'oidc';

export const COMPONENT_NAMES: readonly ComponentName[] = [
  'postgres',
  'registry',
  'kubernetes',
  'galera',
  'tomcat',
  'git',
  'oidc',
];

export interface UpOptions {
  /** KWOK fake nodes (kubernetes; at least 6, spread over 3 zones). */
  nodes?: number;
  /** Namespaces where the portal's ServiceAccount may apply (kubernetes). */
  portalNamespaces?: string[];
  /**
   * kubernetes: one etcd member and one of each control-plane process (`single`, the
   * default), or 3 etcd members, 3 API servers behind a virtual-address stand-in and 2
   * leader-elected controller-managers and schedulers (`ha`).
   */
  controlPlane?: ControlPlaneMode;
}

export type ControlPlaneMode = 'single' | 'ha';

export interface ComponentContext {
  paths: LabPaths;
  /** The component's own state directory ($DIEHARD_LAB_DIR/<name>). */
  dir: string;
  report: Reporter;
  options: UpOptions;
}

export interface ProcessStatus {
  name: string;
  pid?: number;
  alive: boolean;
}

/** One piece of lab infrastructure. Endpoints are plain JSON (saved in endpoint.json). */
export interface LabComponent<E> {
  name: ComponentName;
  /** The endpoint of a running, healthy instance that satisfies `options`, if any. */
  probe(ctx: ComponentContext): Promise<E | undefined>;
  /** Starts the component (leftovers were stopped before). */
  start(ctx: ComponentContext): Promise<E>;
  /**
   * Brings a running instance up to what `options` ask for (more nodes, more
   * namespaces), after a start or a reuse. Only adds, never removes.
   */
  ensure?(ctx: ComponentContext, endpoint: E): Promise<E>;
  /** Stops the processes the lab started for it, by PID. */
  stop(ctx: ComponentContext): Promise<void>;
  processes(ctx: ComponentContext): Promise<ProcessStatus[]>;
}
