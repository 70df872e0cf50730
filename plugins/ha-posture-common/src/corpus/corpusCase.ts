import { z } from 'zod';
import { HA_CATEGORIES } from '../model/categories';

const findingMatcher = z.object({
  /** `Kind/namespace/name` of the workload (or object) that carries the finding. */
  workload: z.string().optional(),
  category: z.enum(HA_CATEGORIES),
  rule: z.string().optional(),
  severity: z.enum(['critical', 'warning', 'info']).optional(),
});

/**
 * The `expected.yaml` of a corpus case (`corpus/<category>/<case>/`). Other engineers and
 * the benchmark read these files too: the schema is the corpus' contract.
 *
 * @public
 */
export const corpusExpectationSchema = z.object({
  description: z.string(),
  /** When true, the case must report no finding other than those under `findings`/`cluster`. */
  exact: z.boolean().default(false),
  /** Findings that must be reported (the rule must fire). */
  findings: z.array(findingMatcher).default([]),
  /** Findings that must not be reported (the rule must not fire). */
  absent: z.array(findingMatcher).default([]),
  /** Cluster-level (control-plane) findings that must be reported. */
  cluster: z.array(findingMatcher.omit({ workload: true })).default([]),
  /** Expected grade per `Kind/namespace/name`. */
  grades: z.record(z.string(), z.enum(['A', 'B', 'C', 'D', 'F'])).default({}),
});

/**
 * A parsed `expected.yaml`.
 *
 * @public
 */
export type CorpusExpectation = z.infer<typeof corpusExpectationSchema>;
