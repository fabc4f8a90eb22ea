import { registerJob } from '../../../platform/jobs/scheduler.ts';
import { resumeMrpRuns } from './run-mrp.ts';

// POST /mrp-runs starts its run at once in the same process; this only catches runs left behind
// (queued by a process that ended before starting it, or running in one that died).
registerJob({ name: 'manufacturing.mrp.resume', everySeconds: 30, run: resumeMrpRuns });
