import { useLab } from '@diehard/lab';

export type SurvivalLab = Awaited<
  ReturnType<typeof useLab<'kubernetes' | 'galera' | 'tomcat'>>
>;
export type Tomcat = Awaited<ReturnType<SurvivalLab['tomcat']>>;
export type Galera = SurvivalLab['galera'];

/** The lab components every survival suite runs on. */
export const useSurvivalLab = (): Promise<SurvivalLab> =>
  useLab(['kubernetes', 'galera', 'tomcat']);
