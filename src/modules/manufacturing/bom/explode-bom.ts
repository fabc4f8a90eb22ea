import { Decimal } from 'decimal.js';
import { sql } from 'drizzle-orm';
import { type Executor, rows, textArray } from '../../../platform/db/tx.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import { averageCosts } from '../../inventory/index.ts';
import { productName } from '../contract-common.ts';
import { todayIn } from '../dates.ts';
import { type BomInForce, bomsById, bomsInForce, findBom } from './bom.repo.ts';
import { qtyPerUnit } from './bom.ts';
import type { BomCost, BomExplodeQuery, BomNode, BomTree } from './contract.ts';

/** Levels deeper than this are cut (cycles are refused on write; this guards data written around that). */
const MAX_DEPTH = 30;

interface Exploded {
  root: BomInForce;
  qty: Decimal;
  date: string;
  /** The BOM in force of every product below the root (null: none, bought). */
  boms: Map<string, BomInForce | null>;
  nodes: Array<BomNode & { exactQty: Decimal }>;
}

/** Loads the root BOM and, level by level, the BOMs in force of every component below it. */
async function explode(ex: Executor, actor: Actor, id: string, query: BomExplodeQuery): Promise<Exploded> {
  const companyId = actor.companyId;
  const bom = await findBom(ex, companyId, id);
  const root = (await bomsById(ex, companyId, [bom.id])).get(bom.productId) as BomInForce;
  const date = query.date ?? (await todayIn(ex, companyId));
  const qty = new Decimal(query.qty ?? bom.outputQty);
  const boms = new Map<string, BomInForce | null>();
  let frontier = [...new Set(root.lines.map((l) => l.componentId))];
  for (let depth = 0; frontier.length > 0 && depth < MAX_DEPTH; depth++) {
    const found = await bomsInForce(ex, companyId, frontier, date);
    const next = new Set<string>();
    for (const p of frontier) {
      const b = found.get(p) ?? null;
      boms.set(p, b);
      for (const l of b?.lines ?? []) if (!boms.has(l.componentId)) next.add(l.componentId);
    }
    frontier = [...next].filter((p) => !boms.has(p));
  }
  const info = await productInfo(ex, companyId, [root.productId, ...boms.keys()], actor.locale);
  const nodes: Exploded['nodes'] = [];
  const add = (
    productId: string,
    parentId: string | null,
    level: number,
    exactQty: Decimal,
    line?: BomInForce['lines'][number],
  ) => {
    const p = info.get(productId) as ProductRow;
    const made = level === 0 ? root : (boms.get(productId) ?? null);
    const nodeId = `n${nodes.length}`;
    nodes.push({
      nodeId,
      parentId,
      level,
      productId,
      sku: p.sku,
      productName: p.name,
      uomCode: p.uom_code,
      qty: exactQty.toDecimalPlaces(4, Decimal.ROUND_HALF_UP).toFixed(4),
      scrapPct: line?.scrapPct ?? '0.000',
      substitute: line?.substituteOf != null,
      bomId: made?.id ?? null,
      exactQty,
    });
    if (!made || line?.substituteOf != null || level >= MAX_DEPTH) return;
    for (const l of made.lines)
      add(l.componentId, nodeId, level + 1, exactQty.mul(qtyPerUnit(l, made.outputQty)), l);
  };
  add(root.productId, null, 0, qty);
  return { root, qty, date, boms, nodes };
}

interface ProductRow {
  id: string;
  sku: string;
  name: string;
  uom_code: string;
}

async function productInfo(ex: Executor, companyId: string, ids: string[], locale: string) {
  const found = await rows<ProductRow>(
    ex,
    sql`select pr.id, pr.sku, ${productName(sql`pr`, locale)} as name, pr.uom_code from catalog_product pr
         where pr.company_id = ${companyId} and pr.id::text = any(${textArray([...new Set(ids)])})`,
  );
  return new Map(found.map((r) => [r.id, r]));
}

const strip = ({ exactQty: _, ...node }: Exploded['nodes'][number]): BomNode => node;

/** The multi-level tree of a BOM for a quantity of its product: sub-assemblies by their BOM in force on the date. */
export async function bomTree(
  ex: Executor,
  actor: Actor,
  id: string,
  query: BomExplodeQuery,
): Promise<BomTree> {
  requirePermission(actor, 'manufacturing.bom.read');
  const e = await explode(ex, actor, id, query);
  return { bomId: e.root.id, qty: e.qty.toFixed(4), date: e.date, nodes: e.nodes.map(strip) };
}

/**
 * The cost roll-up: a bought component at its average cost (inventory's valuation), a made one at its
 * own roll-up (components + labour + overhead per unit), recursively; the root adds its BOM's labour and
 * overhead per unit. Substitutes are shown at no value (they replace, they do not add).
 */
export async function bomCost(
  ex: Executor,
  actor: Actor,
  id: string,
  query: BomExplodeQuery,
): Promise<BomCost> {
  requirePermission(actor, 'manufacturing.bom.cost');
  const e = await explode(ex, actor, id, query);
  const averages = await averageCosts(ex, actor.companyId, [...e.boms.keys()]);
  const memo = new Map<string, Decimal>();
  const unitCostOf = (productId: string, depth: number): Decimal => {
    const known = memo.get(productId);
    if (known) return known;
    const bom = e.boms.get(productId);
    const cost =
      bom && depth < MAX_DEPTH ? rollUp(bom, depth + 1) : new Decimal(averages.get(productId) ?? 0);
    memo.set(productId, cost);
    return cost;
  };
  const material = (bom: BomInForce, depth: number) =>
    bom.lines
      .filter((l) => l.substituteOf === null)
      .reduce(
        (s, l) => s.add(qtyPerUnit(l, bom.outputQty).mul(unitCostOf(l.componentId, depth))),
        new Decimal(0),
      );
  const rollUp = (bom: BomInForce, depth: number) =>
    material(bom, depth).add(bom.labourCostPerUnit).add(bom.overheadCostPerUnit);
  const materialTotal = material(e.root, 0).mul(e.qty);
  const labour = e.qty.mul(e.root.labourCostPerUnit);
  const overhead = e.qty.mul(e.root.overheadCostPerUnit);
  const total = materialTotal.add(labour).add(overhead);
  const money = (d: Decimal) => d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);
  return {
    bomId: e.root.id,
    qty: e.qty.toFixed(4),
    date: e.date,
    materialCost: money(materialTotal),
    labourCost: money(labour),
    overheadCost: money(overhead),
    totalCost: money(total),
    unitCost: total.div(e.qty).toDecimalPlaces(6, Decimal.ROUND_HALF_UP).toFixed(6),
    nodes: e.nodes.map((n) => {
      const unit = n.level === 0 ? total.div(e.qty) : unitCostOf(n.productId, n.level);
      const source = n.bomId ? 'roll_up' : averages.has(n.productId) ? 'average' : 'none';
      return {
        ...strip(n),
        unitCost: unit.toDecimalPlaces(6, Decimal.ROUND_HALF_UP).toFixed(6),
        value: n.substitute ? '0.00' : money(n.exactQty.mul(unit)),
        costSource: source,
      };
    }),
  };
}
