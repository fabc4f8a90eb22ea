import type { Executor } from '../../../../platform/db/tx.ts';

export type Severity = 'high' | 'medium' | 'low';

/** One problem about one record; the fingerprint names the problem so the next run recognises it. */
export interface Finding {
  recordType: string;
  recordId: string;
  fingerprint: string;
  details: Record<string, unknown>;
  /** The record's page in the web app, when it is not the record type's usual one (see links.ts). */
  webPath?: string | null;
}

/**
 * A data-quality check: read-only over the modules' tables (or through a module's own consistency
 * check), scoped to one company. It never writes.
 */
export interface QualityCheck {
  key: string;
  title: { 'zh-CN': string; en: string };
  severity: Severity;
  /** The kind of record its findings point at. */
  recordType: string;
  run(ex: Executor, companyId: string): Promise<Finding[]>;
}

const checks = new Map<string, QualityCheck>();

export function registerCheck(check: QualityCheck): void {
  if (!/^[a-z]+\.[a-z_]+$/.test(check.key)) throw new Error(`bad quality check key ${check.key}`);
  checks.set(check.key, check);
}

/** Every registered check, in registration order. */
export function qualityChecks(): QualityCheck[] {
  return [...checks.values()];
}

export function qualityCheck(key: string): QualityCheck | undefined {
  return checks.get(key);
}
