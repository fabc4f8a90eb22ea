import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { Db } from './connect.ts';

export const migrationsFolder = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../drizzle',
);

const MIGRATION_LOCK = 727_001; // advisory lock id: one migrator at a time per PostgreSQL database

/**
 * Applies the committed SQL migrations in `drizzle/` (or another folder: restore migrates to a backup's
 * level first); safe to run from several instances at once.
 */
export async function migrate(db: Db, folder = migrationsFolder): Promise<void> {
  if (db.kind === 'pglite') {
    await migratePglite(db.orm as any, { migrationsFolder: folder });
    return;
  }
  await db.orm.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${MIGRATION_LOCK})`);
    await migrateNodePg(tx as any, { migrationsFolder: folder });
  });
}
