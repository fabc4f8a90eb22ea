// Shapes of the data-quality API (src/modules/integration/quality/contract.ts).
export type FindingStatus = 'open' | 'resolved' | 'ignored';

export interface QualityCheck {
  key: string;
  title: { 'zh-CN': string; en: string };
  severity: 'high' | 'medium' | 'low';
  recordType: string;
  counts: Record<FindingStatus, number>;
}

export interface QualityRun {
  id: string;
  state: 'queued' | 'running' | 'done' | 'failed';
  checksTotal: number;
  checksDone: number;
  progress: number;
  foundCount: number;
  newCount: number;
  resolvedCount: number;
  startedAt: string | null;
  finishedAt: string | null;
  error: string | null;
  createdAt: string;
}

export interface QualityFinding {
  id: string;
  checkKey: string;
  recordType: string;
  recordId: string;
  webPath: string | null;
  details: Record<string, any>;
  status: FindingStatus;
  firstSeenAt: string;
  lastSeenAt: string;
  resolvedAt: string | null;
  resolvedBy: string | null;
  note: string;
  version: number;
}
