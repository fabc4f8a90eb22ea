import { and, asc, eq, isNull, or, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Executor, Tx } from '../db/tx.ts';
import { notFound } from '../errors.ts';
import { type Actor, requirePermission } from '../permissions/actor.ts';
import { NameView } from './crud.ts';
import { regionSeed } from './region-data.ts';
import { region } from './schema.ts';

const RegionCode = z.string().regex(/^[A-Z]{2}(-[A-Z0-9]{1,3})?$/, 'an ISO 3166 code such as CN or CN-GD');

export const RegionView = z
  .object({ code: z.string(), parentCode: z.string().nullable(), level: z.string(), name: NameView })
  .meta({ id: 'Region' });

export const RegionQuery = z.object({
  /** Children of this region; without it, the countries. */
  parent: RegionCode.optional(),
  q: z.string().max(100).optional(),
});
export const RegionParams = z.object({ code: RegionCode });

/**
 * Writes the built-in countries and China's provincial-level divisions, idempotently: run at every
 * start, it adds what a new release brings and corrects changed names, and touches nothing else.
 * Regions are global (not per company), so this is not part of a company's seed.
 */
export async function ensureRegions(ex: Executor): Promise<void> {
  await (ex as Tx)
    .insert(region)
    .values(regionSeed)
    .onConflictDoUpdate({
      target: region.code,
      set: { parentCode: sql`excluded.parent_code`, level: sql`excluded.level`, name: sql`excluded.name` },
      setWhere: sql`(${region.parentCode}, ${region.level}, ${region.name})
                    is distinct from (excluded.parent_code, excluded.level, excluded.name)`,
    });
}

/** The countries, or the subdivisions of `parent`; `q` matches the code or a name in any language. */
export async function listRegions(ex: Executor, actor: Actor, query: z.infer<typeof RegionQuery>) {
  requirePermission(actor, 'platform.reference.read');
  const where: Array<SQL | undefined> = [
    query.parent ? eq(region.parentCode, query.parent) : isNull(region.parentCode),
  ];
  if (query.q) {
    const like = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(
      or(
        sql`${region.code} ilike ${like}`,
        sql`exists (select 1 from jsonb_each_text(${region.name}) as n(k, v) where n.v ilike ${like})`,
      ),
    );
  }
  const list = await (ex as Tx)
    .select()
    .from(region)
    .where(and(...where))
    .orderBy(asc(region.code));
  return { items: list, nextCursor: null };
}

export async function getRegion(ex: Executor, actor: Actor, code: string) {
  requirePermission(actor, 'platform.reference.read');
  const [row] = await (ex as Tx).select().from(region).where(eq(region.code, code));
  if (!row) throw notFound('region', code);
  return row;
}
