import type { Db } from './db/database.ts';
import type { Job } from './platform/jobs/job-runner.ts';
import { DuplicateScanJob } from './modules/duplicates/duplicate-scan.ts';

/** Every background job of the application, in one list: the app's job runner runs them in turn. */
export function allJobs(db: Db): Job[] {
  return [new DuplicateScanJob(db)];
}
