import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Tx } from '../db/tx.ts';
import type { TableDef } from './catalog.ts';
import {
  type BackupFooter,
  type ColumnDef,
  quoteIdent,
  type SequencesLine,
  type TableLine,
  writeExpr,
} from './format.ts';
import { RestoreRefused } from './restore-errors.ts';

const BATCH_ROWS = 1000;
const BATCH_BYTES = 2_000_000;

interface Current {
  name: string;
  columns: ColumnDef[];
  rows: number;
  insert: string;
}

/**
 * Feeds a backup's lines into the database inside the caller's transaction: rows are inserted in
 * batches (one statement per batch, the batch passed as one json parameter); the checksum and the row
 * counts are compared with the footer. Anything wrong throws, so the caller's transaction rolls back.
 */
export class LoadStream {
  private readonly hash = createHash('sha256');
  private readonly target: Map<string, Map<string, string>>;
  private readonly counts: Record<string, number> = {};
  private lineNo = 0;
  private current: Current | null = null;
  private batch: string[] = [];
  private batchBytes = 0;
  private sequences: SequencesLine['sequences'] = [];
  private footer: BackupFooter | null = null;
  private total = 0;

  constructor(
    private readonly tx: Tx,
    tables: TableDef[],
    /** After each table (`done`), and every 100,000 rows of a big one. */
    private readonly onTable: (name: string, rows: number, done: boolean) => void,
  ) {
    this.target = new Map(tables.map((t) => [t.name, new Map(t.columns.map((c) => [c.name, c.type]))]));
  }

  async line(bytes: Buffer): Promise<void> {
    this.lineNo++;
    if (this.footer) throw this.damaged('data after the footer');
    // A row is a JSON array: keep its text as is and let the database parse it with the batch.
    if (bytes[0] === 0x5b /* [ */) {
      this.hash.update(bytes).update('\n');
      if (!this.current) throw this.damaged('a row before any table');
      this.batch.push(bytes.toString('utf8'));
      this.batchBytes += bytes.length;
      this.current.rows++;
      if (this.batch.length >= BATCH_ROWS || this.batchBytes >= BATCH_BYTES) await this.flush();
      if (this.current.rows % 100_000 === 0) this.onTable(this.current.name, this.current.rows, false);
      return;
    }
    let value: any;
    try {
      value = JSON.parse(bytes.toString('utf8'));
    } catch {
      throw this.damaged('a line that is not JSON');
    }
    if (value?.footer === true) {
      await this.endTable();
      this.footer = value as BackupFooter;
      return;
    }
    this.hash.update(bytes).update('\n');
    if (this.lineNo === 1) return; // the header, read and checked before the load
    if (typeof value?.table === 'string') await this.startTable(value as TableLine);
    else if (Array.isArray(value?.sequences)) {
      await this.endTable();
      this.sequences = (value as SequencesLine).sequences;
    } else throw this.damaged('a line of unknown kind');
  }

  /** After the last line: the footer must be there and match; then the sequences are set. */
  async finish(): Promise<{ tables: number; rows: number }> {
    if (!this.footer)
      throw new RestoreRefused(
        'The backup file is truncated (it ends before its footer); nothing was restored.',
      );
    const digest = this.hash.digest('hex');
    if (digest !== this.footer.sha256)
      throw new RestoreRefused(
        'The backup file is damaged: its checksum does not match (SHA-256 of the content differs from the ' +
          'one recorded in its footer); nothing was restored.',
      );
    const expected = this.footer.rowCounts ?? {};
    for (const name of new Set([...Object.keys(expected), ...Object.keys(this.counts)]))
      if ((expected[name] ?? 0) !== (this.counts[name] ?? 0))
        throw new RestoreRefused(
          `The backup file is damaged: table ${name} has ${this.counts[name] ?? 0} rows, its footer says ` +
            `${expected[name] ?? 0}; nothing was restored.`,
        );
    for (const seq of this.sequences) {
      if (seq.lastValue === null) continue;
      await this.tx.execute(
        sql`select setval(${`public.${quoteIdent(seq.name)}`}::regclass, ${seq.lastValue}::bigint, true)
             where to_regclass(${`public.${quoteIdent(seq.name)}`}) is not null`,
      );
    }
    return { tables: Object.keys(this.counts).length, rows: this.total };
  }

  private async startTable(line: TableLine): Promise<void> {
    await this.endTable();
    const columns = this.target.get(line.table);
    if (!columns)
      throw new RestoreRefused(`The backup has table ${line.table}, which this database does not have.`);
    for (const col of line.columns) {
      const type = columns.get(col.name);
      if (type !== col.type)
        throw new RestoreRefused(
          type === undefined
            ? `The backup has column ${line.table}.${col.name}, which this database does not have.`
            : `Column ${line.table}.${col.name} is ${col.type} in the backup but ${type} here.`,
        );
    }
    const names = line.columns.map((c) => quoteIdent(c.name)).join(', ');
    const values = line.columns.map((c, i) => writeExpr(c, i)).join(', ');
    this.current = {
      name: line.table,
      columns: line.columns,
      rows: 0,
      insert: `insert into ${quoteIdent(line.table)} (${names}) select ${values} from json_array_elements(`,
    };
  }

  private async endTable(): Promise<void> {
    if (!this.current) return;
    await this.flush();
    this.counts[this.current.name] = this.current.rows;
    this.total += this.current.rows;
    this.onTable(this.current.name, this.current.rows, true);
    this.current = null;
  }

  private async flush(): Promise<void> {
    if (!this.current || this.batch.length === 0) return;
    const json = `[${this.batch.join(',')}]`;
    this.batch = [];
    this.batchBytes = 0;
    await this.tx.execute(sql`${sql.raw(this.current.insert)}${json}::json) r`);
  }

  private damaged(what: string): RestoreRefused {
    return new RestoreRefused(
      `The backup file is damaged at line ${this.lineNo} (${what}); nothing was restored.`,
    );
  }
}
