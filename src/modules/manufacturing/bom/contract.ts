import { z } from 'zod';
import { ListQuery, Version } from '../../../platform/http/schemas.ts';
import { DateString, Notes, Qty, ScrapPct, UnitCost } from '../contract-common.ts';

export const BomLineInput = z.strictObject({
  /** Order of the line in the BOM (1, 2, …); default its place in the list. */
  position: z.number().int().min(1).max(9999).optional(),
  componentId: z.uuid(),
  /** Per the BOM's output quantity, in the component's stock unit. */
  qty: Qty,
  scrapPct: ScrapPct.optional(),
  /** This line is an alternative to the line at that position (used instead of it, not on top). */
  substituteOfPosition: z.number().int().min(1).max(9999).nullable().optional(),
  notes: Notes.optional(),
});
export type BomLineInput = z.infer<typeof BomLineInput>;

const BomFields = {
  /** Default: the product's SKU. Unique per company with the revision. */
  code: z.string().trim().min(1).max(60).optional(),
  outputQty: Qty.optional(),
  validFrom: DateString.nullable().optional(),
  validTo: DateString.nullable().optional(),
  leadTimeDays: z.number().int().min(0).max(3650).optional(),
  labourCostPerUnit: UnitCost.optional(),
  overheadCostPerUnit: UnitCost.optional(),
  notes: Notes.optional(),
};

export const BomInput = z.strictObject({
  productId: z.uuid(),
  ...BomFields,
  lines: z.array(BomLineInput).min(1).max(500),
});
export type BomInput = z.infer<typeof BomInput>;

/** Edits a draft BOM; `lines`, when given, replace all lines. */
export const BomUpdate = z.strictObject({
  version: Version,
  ...BomFields,
  lines: z.array(BomLineInput).min(1).max(500).optional(),
});
export type BomUpdate = z.infer<typeof BomUpdate>;

export const BomVersionBody = z.strictObject({ version: Version });

export const BomLine = z
  .object({
    id: z.uuid(),
    position: z.number().int(),
    componentId: z.uuid(),
    sku: z.string(),
    productName: z.string(),
    uomCode: z.string(),
    qty: z.string(),
    scrapPct: z.string(),
    /** Per 1 unit of output, scrap included. */
    qtyPerUnit: z.string(),
    substituteOf: z.uuid().nullable(),
    substituteOfPosition: z.number().int().nullable(),
    notes: z.string(),
  })
  .meta({ id: 'BomLine' });
export type BomLine = z.infer<typeof BomLine>;

export const BomState = z.enum(['draft', 'active', 'archived']);

export const BomSummary = z
  .object({
    id: z.uuid(),
    productId: z.uuid(),
    sku: z.string(),
    productName: z.string(),
    code: z.string(),
    revision: z.number().int(),
    outputQty: z.string(),
    validFrom: z.string().nullable(),
    validTo: z.string().nullable(),
    state: BomState,
    leadTimeDays: z.number().int(),
    labourCostPerUnit: z.string(),
    overheadCostPerUnit: z.string(),
    notes: z.string(),
    activatedAt: z.string().nullable(),
    archivedAt: z.string().nullable(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'BomSummary' });
export type BomSummary = z.infer<typeof BomSummary>;

export const Bom = BomSummary.extend({ lines: z.array(BomLine) }).meta({ id: 'Bom' });
export type Bom = z.infer<typeof Bom>;

export const BomListQuery = ListQuery.extend({
  productId: z.uuid().optional(),
  state: BomState.optional(),
  /** Only BOMs valid on this date (with state=active: the one in force). */
  validOn: DateString.optional(),
});
export type BomListQuery = z.infer<typeof BomListQuery>;

export const BomExplodeQuery = z.object({
  /** How much of the BOM's product to explode; default the BOM's output quantity. */
  qty: Qty.optional(),
  /** Sub-assemblies use the BOM in force on this date; default today. */
  date: DateString.optional(),
});
export type BomExplodeQuery = z.infer<typeof BomExplodeQuery>;

/** One node of the exploded tree, flat with its parent, depth first (the root is level 0). */
export const BomNode = z
  .object({
    nodeId: z.string(),
    parentId: z.string().nullable(),
    level: z.number().int(),
    productId: z.uuid(),
    sku: z.string(),
    productName: z.string(),
    uomCode: z.string(),
    /** Needed for the requested quantity of the root, scrap included. */
    qty: z.string(),
    scrapPct: z.string(),
    /** A substitute line: shown, not counted in quantities or cost. */
    substitute: z.boolean(),
    /** The BOM this node is made by (the root's own, a sub-assembly's in force); null: bought. */
    bomId: z.uuid().nullable(),
  })
  .meta({ id: 'BomNode' });
export type BomNode = z.infer<typeof BomNode>;

export const BomTree = z
  .object({ bomId: z.uuid(), qty: z.string(), date: z.string(), nodes: z.array(BomNode) })
  .meta({ id: 'BomTree' });
export type BomTree = z.infer<typeof BomTree>;

export const BomCostNode = BomNode.extend({
  /** Per unit: a bought component's average cost, a made one's own roll-up. */
  unitCost: z.string(),
  /** qty × unitCost (2 decimals); substitutes 0. */
  value: z.string(),
  costSource: z.enum(['average', 'roll_up', 'none']),
}).meta({ id: 'BomCostNode' });

export const BomCost = z
  .object({
    bomId: z.uuid(),
    qty: z.string(),
    date: z.string(),
    /** Components of the first level (their made sub-assemblies at their roll-up). */
    materialCost: z.string(),
    labourCost: z.string(),
    overheadCost: z.string(),
    totalCost: z.string(),
    unitCost: z.string(),
    nodes: z.array(BomCostNode),
  })
  .meta({ id: 'BomCost' });
export type BomCost = z.infer<typeof BomCost>;
