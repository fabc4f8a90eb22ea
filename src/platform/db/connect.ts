import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';

export type DbKind = 'pglite' | 'postgres';

/** A database handle: the Drizzle instance plus what the platform needs to know about it. */
export interface Db {
  kind: DbKind;
  orm: PgDatabase<any, any, any>;
  /** Serialise-free health probe. */
  ping(): Promise<void>;
  close(): Promise<void>;
  /** Present on PGlite only: the embedded instance (used by tests to dump a template). */
  pglite?: PGlite;
}

// int8 (counts, sequences) as JS numbers on both drivers; PGlite already does this.
pg.types.setTypeParser(20, (value: string) => Number(value));

export async function openPostgres(url: string, poolSize = 10): Promise<Db> {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    connectionTimeoutMillis: 5000,
    idleTimeoutMillis: 30_000,
    application_name: 'tandem',
    // Short OLTP queries: JIT compilation costs more (~100 ms) than it ever saves here.
    options: '-c jit=off',
  });
  // An idle client losing its server connection must not crash the process.
  pool.on('error', () => {});
  const orm = drizzlePg({ client: pool });
  return {
    kind: 'postgres',
    orm,
    ping: async () => {
      await pool.query('select 1');
    },
    close: () => pool.end(),
  };
}

export interface PgliteOptions {
  dataDir?: string;
  loadDataDir?: Blob | File;
}

export async function openPglite(options: PgliteOptions = {}): Promise<Db> {
  if (options.dataDir) fs.mkdirSync(path.dirname(options.dataDir), { recursive: true });
  const client = await PGlite.create({
    dataDir: options.dataDir,
    loadDataDir: options.loadDataDir,
    // Trigram similarity backs fuzzy duplicate detection and search (crm).
    extensions: { pg_trgm },
  });
  const orm = drizzlePglite({ client });
  return {
    kind: 'pglite',
    orm,
    pglite: client,
    ping: async () => {
      await client.query('select 1');
    },
    close: () => client.close(),
  };
}
