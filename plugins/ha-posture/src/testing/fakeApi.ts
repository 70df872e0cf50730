import type { FleetEntry } from '@diehard/plugin-ha-posture-common';
import type { HaPostureApi } from '../api';
import { samplePosture } from './fixtures';

/** The fleet of one service, todo-web, graded F (C before). */
export const todoWebFleet: FleetEntry[] = [
  {
    entityRef: 'component:default/todo-web',
    grade: 'F',
    previousGrade: 'C',
    critical: 3,
    warning: 1,
    evaluatedAt: new Date().toISOString(),
    source: 'live',
  },
];

/** A HaPostureApi of jest mocks: `samplePosture`, `todoWebFleet`, no cluster. */
export function fakeHaPostureApi(
  overrides: Partial<HaPostureApi> = {},
): jest.Mocked<HaPostureApi> {
  return {
    getEntityPosture: jest.fn(async () => samplePosture),
    refreshEntityPosture: jest.fn(async () => samplePosture),
    getEntityHistory: jest.fn(async () => []),
    getFleet: jest.fn(async () => todoWebFleet),
    getClusters: jest.fn(async () => []),
    getClusterOverview: jest.fn(async () => ({
      clusters: [],
      notEvaluated: [],
    })),
    getClusterAuth: jest.fn(async () => []),
    ...overrides,
  } as jest.Mocked<HaPostureApi>;
}
