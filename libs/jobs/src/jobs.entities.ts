import { JobRecord } from './database/job-record.entity';
import { JobQueue1733300000100 } from './migrations/1733300000100-job-queue.migration';

export const JOBS_ENTITIES = [JobRecord];
export const JOBS_MIGRATIONS = [JobQueue1733300000100];
