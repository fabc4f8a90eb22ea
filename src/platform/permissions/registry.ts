/**
 * Permissions are data: each module declares its `<module>.<entity>.<verb>` strings here at start-up
 * (platform ones below), built-in roles grant them by pattern, and the conformance test snapshots them.
 */
export interface PermissionDef {
  key: string;
  description: string;
}

const defs = new Map<string, PermissionDef>();

export function definePermissions(list: PermissionDef[]): void {
  for (const def of list) {
    if (!/^[a-z_]+\.[a-z_]+\.[a-z_]+$/.test(def.key)) throw new Error(`bad permission key ${def.key}`);
    defs.set(def.key, def);
  }
}

export function allPermissions(): PermissionDef[] {
  return [...defs.values()].sort((a, b) => a.key.localeCompare(b.key));
}

export function isKnownPermission(key: string): boolean {
  return defs.has(key);
}

/**
 * A granted pattern matches a key segment by segment: `*` matches one segment, and a final `*`
 * matches the rest. So `*` is everything, `crm.*` all of crm, `*.*.read` every read permission.
 */
export function patternMatches(pattern: string, key: string): boolean {
  if (pattern === key) return true;
  const want = pattern.split('.');
  const have = key.split('.');
  for (let i = 0; i < want.length; i++) {
    const last = i === want.length - 1;
    if (want[i] === '*' && last) return have.length > i;
    if (i >= have.length || (want[i] !== '*' && want[i] !== have[i])) return false;
  }
  return want.length === have.length;
}

export function isValidPattern(pattern: string): boolean {
  return /^(\*|[a-z_]+)(\.(\*|[a-z_]+)){0,2}$/.test(pattern);
}

definePermissions([
  { key: 'platform.company.read', description: 'See company settings' },
  { key: 'platform.company.update', description: 'Change company settings' },
  { key: 'platform.company.create', description: 'Create another company' },
  { key: 'platform.user.read', description: 'List users of the company' },
  { key: 'platform.user.create', description: 'Create or invite users' },
  { key: 'platform.user.update', description: 'Edit users, their roles and department' },
  { key: 'platform.user.disable', description: 'Disable users and end their sessions' },
  { key: 'platform.role.read', description: 'See roles' },
  { key: 'platform.role.manage', description: 'Create, edit and delete roles' },
  { key: 'platform.department.read', description: 'See departments and teams' },
  { key: 'platform.department.manage', description: 'Edit departments and teams' },
  { key: 'platform.reference.read', description: 'See reference data' },
  { key: 'platform.reference.manage', description: 'Edit reference data (currencies, taxes, units …)' },
  { key: 'platform.audit.read', description: 'Read the audit log' },
  { key: 'platform.approval.read', description: 'See approval requests' },
  { key: 'platform.approval.decide', description: 'Approve or reject requests addressed to the role' },
  { key: 'platform.import.run', description: 'Import data from files' },
  { key: 'platform.import.read', description: 'See import batches' },
  { key: 'platform.import.undo', description: 'Undo an import batch' },
  { key: 'platform.export.run', description: 'Export data to files' },
  { key: 'platform.attachment.read', description: 'Download attachments' },
  { key: 'platform.attachment.create', description: 'Upload attachments' },
  { key: 'platform.attachment.delete', description: 'Delete attachments' },
  { key: 'platform.mail.read', description: 'See the mail outbox' },
  { key: 'platform.session.read', description: 'See active sessions of users' },
  { key: 'platform.session.terminate', description: "End other users' sessions" },
  { key: 'platform.event.read', description: 'See outbox events' },
]);
