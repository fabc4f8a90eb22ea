import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openPglite } from '../../src/platform/db/connect.ts';
import { migrate, migrationsFolder } from '../../src/platform/db/migrate.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function migrationsHash(): string {
  const hash = createHash('sha256');
  const pkg = JSON.parse(
    fs.readFileSync(path.join(root, 'node_modules/@electric-sql/pglite/package.json'), 'utf8'),
  );
  hash.update(pkg.version);
  for (const file of fs.readdirSync(migrationsFolder, { recursive: true }).map(String).sort()) {
    const full = path.join(migrationsFolder, file);
    if (fs.statSync(full).isFile()) hash.update(file).update(fs.readFileSync(full));
  }
  return hash.digest('hex').slice(0, 16);
}

/**
 * A migrated PGlite data directory, dumped once per migration set (initdb costs seconds; loading a
 * dump under one). Written to a temp name and renamed, so parallel test processes never read half a file.
 */
export async function ensureTemplate(): Promise<string> {
  const dir = path.join(root, 'node_modules/.cache/tandem');
  const file = path.join(dir, `pglite-template-${migrationsHash()}.tar.gz`);
  if (fs.existsSync(file)) return file;
  fs.mkdirSync(dir, { recursive: true });
  const db = await openPglite();
  await migrate(db);
  const dump = await db.pglite!.dumpDataDir('gzip');
  await db.close();
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
  fs.renameSync(tmp, file);
  return file;
}
