// Migration levels on restore. A backup's rows fit the schema of the level it was taken at, so the
// target is migrated to exactly that level, loaded, and then migrated forward to this version's level.
// A backup from a newer version (a migration this code does not ship) is refused.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Db } from '../db/connect.ts';
import { migrate, migrationsFolder } from '../db/migrate.ts';
import { appliedMigrations, codeMigrations } from './catalog.ts';
import type { BackupHeader, MigrationRef } from './format.ts';
import { RestoreRefused } from './restore-errors.ts';

const isPrefix = (short: MigrationRef[], long: MigrationRef[]) =>
  short.length <= long.length && short.every((m, i) => m.hash === long[i]!.hash);

/** Checks the levels and migrates the target to the backup's level (no further). */
export async function migrateToBackupLevel(db: Db, header: BackupHeader): Promise<void> {
  const code = codeMigrations(migrationsFolder);
  const backup = header.migrations;
  if (!isPrefix(backup, code)) {
    const newer = backup.length > code.length;
    throw new RestoreRefused(
      newer
        ? `The backup was made by Tandem ${header.appVersion} at migration level ${backup.length}; this version ` +
            `knows ${code.length} migrations. Restore it with Tandem ${header.appVersion} or newer.`
        : `The backup's migrations (made by Tandem ${header.appVersion}) are not the ones this version ships; ` +
            `restore it with the Tandem version that made it.`,
    );
  }
  const target = await appliedMigrations(db.orm);
  if (!isPrefix(target, code))
    throw new RestoreRefused(
      'The target database has migrations this version of Tandem does not know; restore into a new, blank database.',
    );
  if (target.length > backup.length)
    throw new RestoreRefused(
      `The target database is already migrated to level ${target.length}, past the backup's level ${backup.length}. ` +
        'Restore into a new, blank database (a new DATA_DIR or a new PostgreSQL database): the backup is loaded ' +
        'at its own level and then migrated forward.',
    );
  if (target.length === backup.length) return;
  if (backup.length === code.length) {
    await migrate(db);
    return;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-migrations-'));
  try {
    const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta/_journal.json'), 'utf8'));
    journal.entries = journal.entries.slice(0, backup.length);
    fs.mkdirSync(path.join(dir, 'meta'));
    fs.writeFileSync(path.join(dir, 'meta/_journal.json'), JSON.stringify(journal));
    for (const entry of journal.entries as Array<{ tag: string }>)
      fs.copyFileSync(path.join(migrationsFolder, `${entry.tag}.sql`), path.join(dir, `${entry.tag}.sql`));
    await migrate(db, dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
