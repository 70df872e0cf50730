import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDatabase, generatedDsn, labDsn, sql } from './galera';
import { renderService } from './generatedService';
import { generatedWar } from './generatedWar';
import { SurvivalLab, useSurvivalLab } from './lab';
import { PodCluster, startPodCluster } from './podCluster';

/** The generated service running as 3 pods of the lab, on a database of its own. */
export interface DeployedService {
  lab: SurvivalLab;
  project: string;
  name: string;
  database: string;
  cluster: PodCluster;
}

/**
 * The generated service as the pod-level survival suites run it: rendered with its
 * volume into a fresh work directory (named after `prefix`, as is the service), patched
 * if asked before the build, built, given a database of its own on the lab's Galera and
 * started as 3 pods ({@link startPodCluster}). `stop()` undoes whatever was done.
 */
export class ServiceDeployment {
  private lab?: SurvivalLab;
  private work?: string;
  private database?: string;
  private cluster?: PodCluster;

  constructor(private readonly prefix: string) {}

  async start(
    options: { patch?: (project: string) => void } = {},
  ): Promise<DeployedService> {
    const lab = await useSurvivalLab();
    this.lab = lab;
    const work = fs.mkdtempSync(
      path.join(os.tmpdir(), `diehard-surv-${this.prefix}-`),
    );
    this.work = work;
    const name = `${this.prefix}-${crypto.randomBytes(3).toString('hex')}`;
    const project = path.join(work, 'project');
    await renderService(name, project, { withVolume: true });
    options.patch?.(project);
    const war = await generatedWar(project, name);
    const database = await createDatabase(lab.galera);
    this.database = database;
    const cluster = await startPodCluster({
      lab,
      work,
      project,
      name,
      war,
      dbUrl: labDsn(generatedDsn(project), lab.galera, database),
    });
    this.cluster = cluster;
    return { lab, project, name, database, cluster };
  }

  /** Stops the pods, drops the database and removes the work directory. */
  async stop() {
    await this.cluster?.stop();
    if (this.lab && this.database)
      await sql(this.lab.galera, `DROP DATABASE IF EXISTS ${this.database}`);
    if (this.work) fs.rmSync(this.work, { recursive: true, force: true });
  }
}
