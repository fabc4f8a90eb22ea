// Shapes of the settings API (users, roles, notifications) as the server sends them.

import type { LocalizedText } from '../../i18n/localized.ts';

export interface UserRoleRef {
  id: string;
  code: string;
  name: LocalizedText;
}

export interface User {
  id: string;
  email: string;
  name: string;
  locale: string;
  disabled: boolean;
  roles: UserRoleRef[];
  departmentId: string | null;
  lastLoginAt?: string | null;
  version: number;
  createdAt: string;
}

export type RecordScope = 'own' | 'team' | 'company';

export interface Role {
  id: string;
  code: string;
  name: LocalizedText;
  builtIn: boolean;
  /** `module.entity.verb`, or wildcards: `accounting.*`, `*` (everything). */
  permissions: string[];
  recordScope: RecordScope;
  fieldMasks: Record<string, string[]>;
  version: number;
}

export interface Notification {
  id: string;
  /** What produced it (e.g. `approval.requested`); the title and body are already in the user's language. */
  kind?: string;
  title: string;
  body: string | null;
  link: string | null;
  readAt: string | null;
  createdAt: string;
}

/** One key of a company settings section, as the settings API describes it. */
export interface SettingField {
  key: string;
  kind: 'boolean' | 'integer' | 'number' | 'enum' | 'string' | 'uuid';
  nullable: boolean;
  options?: string[];
  min?: number;
  max?: number;
  default: unknown;
}

export interface SettingsSection {
  section: string;
  permission: string;
  editable: boolean;
  values: Record<string, unknown>;
  fields: SettingField[];
}

export interface CompanySettings {
  version: number;
  sections: SettingsSection[];
}
