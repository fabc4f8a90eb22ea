import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/connect.ts';
import { one } from '../db/tx.ts';
import { systemActor } from '../permissions/actor.ts';
import { type BatchView, listRowErrors } from './batches.ts';
import { pathSource } from './read-file.ts';
import { allImporters } from './registry.ts';
import { runImport } from './run-import.ts';
import './user-importer.ts';

type WithDb = <T>(command: string, fn: (db: Db) => Promise<T>) => Promise<T>;

const n = (value: number) => value.toLocaleString('en-US');

export function progressLine(batch: BatchView): string {
  return `${n(batch.processedRows)} / ${n(batch.totalRows)} rows, ${n(batch.errorRows)} error${batch.errorRows === 1 ? '' : 's'}`;
}

const USAGE = 'Usage: npx tandem import <entity> <file.csv|file.xlsx> [--dry-run] [--company CODE]';

/**
 * `tandem import`: the same engine as the API, reading the file from disk, printing progress after
 * every chunk. It acts as the system inside the company (no one is signed in on a terminal) and goes
 * through `withDb`, so it refuses while the server holds the embedded database. Exit code 3 when
 * some rows were refused.
 */
export async function importCommand(args: string[], withDb: WithDb): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { 'dry-run': { type: 'boolean', default: false }, company: { type: 'string' } },
  });
  const [entity, file] = positionals;
  if (!entity || !file || positionals.length > 2) {
    console.error(
      `${USAGE}\nEntities: ${allImporters()
        .map((i) => i.entity)
        .join(', ')}`,
    );
    return 1;
  }
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) {
    console.error(`No such file: ${file}`);
    return 1;
  }
  return withDb('import', async (db) => {
    const company = values.company
      ? await one<{ id: string; name: string }>(
          db.orm,
          sql`select id, name from platform_company where code = ${values.company}`,
        )
      : await one<{ id: string; name: string }>(
          db.orm,
          sql`select id, name from platform_company order by created_at limit 1`,
        );
    if (!company) throw new Error(values.company ? `No company ${values.company}` : 'No company yet');
    const actor = systemActor(company.id, 'import from the command line');
    const dryRun = values['dry-run'] === true;
    console.log(`${dryRun ? 'Checking (dry run)' : 'Importing'} ${file} as ${entity} into ${company.name}…`);
    const interactive = process.stdout.isTTY === true;
    const batch = await runImport(
      db,
      actor,
      { entity, fileName: path.basename(file), dryRun, source: pathSource(file) },
      {
        onProgress: (b) => {
          // On a terminal the line is rewritten in place; in a log, one line per chunk.
          if (interactive) process.stdout.write(`\r${progressLine(b)}   `);
          else console.log(progressLine(b));
        },
      },
    );
    if (interactive) process.stdout.write('\n');
    console.log(
      `${dryRun ? 'Dry run finished, nothing was saved' : 'Finished'}: ${n(batch.okRows)} ok, ${n(batch.errorRows)} refused (batch ${batch.id}).`,
    );
    if (batch.errorRows === 0) return 0;
    const errors = await listRowErrors(db.orm, actor, batch.id, { limit: 20 });
    for (const row of errors.items)
      for (const e of row.errors)
        console.log(`  row ${row.rowNo}${e.header ? ` [${e.header}]` : ''}: ${e.message}`);
    if (batch.errorRows > errors.items.length)
      console.log(`  … and ${n(batch.errorRows - errors.items.length)} more`);
    return 3;
  });
}
