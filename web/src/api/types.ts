// Shapes of the platform API that more than one screen uses. Module-specific types sit in their module folder.

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface CompanyRef {
  id: string;
  name: string;
  code: string;
}

export interface Session {
  user: { id: string; email: string; name: string; locale: string };
  company: CompanyRef & { currency: string; timeZone: string };
  companies: CompanyRef[];
  permissions: string[];
  csrfToken: string;
}

export interface FieldChange {
  before: unknown;
  after: unknown;
}

export interface AuditEntry {
  id: string;
  at: string;
  actor: { userId: string | null; name: string | null; tokenId: string | null };
  entity: string;
  entityId: string;
  action: string;
  changes: Record<string, FieldChange> | null;
  reason: string | null;
  requestId: string | null;
}

export interface AuditQuery {
  entity?: string;
  entityId?: string;
  userId?: string;
  from?: string;
  to?: string;
  limit?: number;
}

export interface Health {
  status: 'ok';
  database: 'pglite' | 'postgres';
  version: string;
}
