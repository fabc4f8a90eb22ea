// The data-quality area: checks register, jobs and settings are declared when this file is imported.
import './checks/index.ts';
import './jobs.ts';
import './settings.ts';

export { qualityChecks } from './checks/registry.ts';
export { qualityRoutes } from './routes.ts';
export { executeQualityRun, qualityRunsSettled, requestQualityRun } from './run-checks.ts';
