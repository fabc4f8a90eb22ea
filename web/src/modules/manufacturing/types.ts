// Shapes of the manufacturing API (src/modules/manufacturing/*/contract.ts): BOMs, production orders,
// reorder rules, forecasts, MRP runs and proposals. Quantities and money are decimal strings.

export type Names = Record<string, string>;

export type BomState = 'draft' | 'active' | 'archived';

export interface BomLine {
  id: string;
  position: number;
  componentId: string;
  sku: string;
  productName: string;
  uomCode: string;
  qty: string;
  scrapPct: string;
  /** Per 1 unit of output, scrap included. */
  qtyPerUnit: string;
  substituteOf: string | null;
  substituteOfPosition: number | null;
  notes: string;
}

export interface BomSummary {
  id: string;
  productId: string;
  sku: string;
  productName: string;
  code: string;
  revision: number;
  outputQty: string;
  validFrom: string | null;
  validTo: string | null;
  state: BomState;
  leadTimeDays: number;
  labourCostPerUnit: string;
  overheadCostPerUnit: string;
  notes: string;
  activatedAt: string | null;
  archivedAt: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface Bom extends BomSummary {
  lines: BomLine[];
}

export interface BomLineInput {
  position?: number;
  componentId: string;
  qty: string;
  scrapPct?: string;
  substituteOfPosition?: number | null;
  notes?: string;
}

export interface BomFieldsInput {
  code?: string;
  outputQty?: string;
  validFrom?: string | null;
  validTo?: string | null;
  leadTimeDays?: number;
  labourCostPerUnit?: string;
  overheadCostPerUnit?: string;
  notes?: string;
}

export interface BomInput extends BomFieldsInput {
  productId: string;
  lines: BomLineInput[];
}

export interface BomUpdate extends BomFieldsInput {
  version: number;
  lines?: BomLineInput[];
}

/** One node of the exploded tree, flat with its parent, depth first (the root is level 0). */
export interface BomNode {
  nodeId: string;
  parentId: string | null;
  level: number;
  productId: string;
  sku: string;
  productName: string;
  uomCode: string;
  qty: string;
  scrapPct: string;
  substitute: boolean;
  bomId: string | null;
}

export interface BomTree {
  bomId: string;
  qty: string;
  date: string;
  nodes: BomNode[];
}

export interface BomCostNode extends BomNode {
  unitCost: string;
  value: string;
  costSource: 'average' | 'roll_up' | 'none';
}

export interface BomCost {
  bomId: string;
  qty: string;
  date: string;
  materialCost: string;
  labourCost: string;
  overheadCost: string;
  totalCost: string;
  unitCost: string;
  nodes: BomCostNode[];
}

export type ProductionState = 'draft' | 'planned' | 'confirmed' | 'in_progress' | 'done' | 'cancelled';
export const PRODUCTION_STATES: ProductionState[] = [
  'draft',
  'planned',
  'confirmed',
  'in_progress',
  'done',
  'cancelled',
];

export interface ProductionLine {
  id: string;
  position: number;
  productId: string;
  sku: string;
  productName: string;
  uomCode: string;
  bomLineId: string | null;
  substituteOf: string | null;
  qtyPlanned: string;
  qtyReserved: string;
  qtyConsumed: string;
  consumedValue: string;
  version: number;
}

export interface ProductionOutput {
  id: string;
  kind: 'produced' | 'scrapped';
  qty: string;
  unitCost: string;
  value: string;
  lotNo: string | null;
  expiryDate: string | null;
  reason: string;
  createdAt: string;
}

export interface ProductionOrderSummary {
  id: string;
  number: string;
  state: ProductionState;
  productId: string;
  sku: string;
  productName: string;
  warehouseId: string;
  bomId: string;
  qty: string;
  qtyProduced: string;
  qtyScrapped: string;
  plannedStart: string | null;
  plannedFinish: string | null;
  labourCostPerUnit: string;
  overheadCostPerUnit: string;
  consumedValue: string;
  releasedValue: string;
  producedValue: string;
  originType: string | null;
  originId: string | null;
  originNumber: string | null;
  needId: string | null;
  notes: string;
  confirmedAt: string | null;
  startedAt: string | null;
  doneAt: string | null;
  cancelledAt: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface ProductionOrder extends ProductionOrderSummary {
  lines: ProductionLine[];
  outputs: ProductionOutput[];
}

export interface ProductionOrderInput {
  productId: string;
  warehouseId?: string;
  qty: string;
  bomId?: string;
  plannedStart?: string | null;
  plannedFinish?: string | null;
  notes?: string;
}

export interface ConsumeInput {
  lines: { lineId: string; qty: string; lotNo?: string }[];
}

export interface ProduceInput {
  qty: string;
  lotNo?: string;
  expiryDate?: string;
  backflush?: boolean;
}

export interface ScrapInput {
  qty: string;
  reason: string;
}

interface PlanningCommon {
  id: string;
  productId: string;
  productSku: string;
  productName: Names;
  warehouseId: string;
  warehouseCode: string;
  notes: string;
  version: number;
}

export type ReorderRoute = 'reorder' | 'mto';

export interface ReorderRule extends PlanningCommon {
  route: ReorderRoute;
  minQty: string;
  maxQty: string;
  multiple: string;
}

export interface Forecast extends PlanningCommon {
  /** The month's first day, YYYY-MM-DD. */
  month: string;
  qty: string;
}

export type MrpRunState = 'queued' | 'running' | 'done' | 'failed';

export interface MrpRun {
  id: string;
  state: MrpRunState;
  progress: number;
  planDate: string | null;
  itemCount: number;
  demandCount: number;
  proposalCount: number;
  lateCount: number;
  requestedBy: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  error: string | null;
  createdAt: string;
  version: number;
}

export interface Peg {
  type: string;
  id: string | null;
  number: string | null;
  qty: string;
  date: string;
}

export type ProposalState = 'proposed' | 'confirmed' | 'dismissed' | 'superseded';
export type ProposalKind = 'buy' | 'make';

export interface MrpProposal {
  id: string;
  runId: string;
  productId: string;
  productSku: string;
  productName: Names;
  warehouseId: string;
  warehouseCode: string;
  kind: ProposalKind;
  bomId: string | null;
  qty: string;
  releaseDate: string;
  needDate: string;
  late: boolean;
  pegging: Peg[];
  state: ProposalState;
  documentType: string | null;
  documentId: string | null;
  documentNumber: string | null;
  version: number;
}

export interface ProposalFilters {
  runId?: string;
  kind?: ProposalKind;
  productId?: string;
  state?: ProposalState;
  late?: 'true';
}
