// Shapes of the inventory API (src/modules/inventory/**/contract.ts) as the screens use them.
// Every quantity is a decimal string in the product's stock unit.
import type { Names } from '../catalog/types.ts';

export interface Warehouse {
  id: string;
  code: string;
  name: Names;
  address?: string;
  isDefault?: boolean;
  active?: boolean;
  stockLocationId?: string;
  version?: number;
}

export interface Location {
  id: string;
  code: string;
  name: Names;
  kind: string;
  warehouseId?: string | null;
}

export interface StockRow {
  id?: string;
  productId: string;
  sku: string;
  productName: Names | string;
  warehouseId: string;
  warehouseCode?: string;
  locationId: string;
  locationCode: string;
  lotId?: string | null;
  lotNo?: string | null;
  expiryDate?: string | null;
  onHand: string;
  reserved: string;
  available: string;
  uomCode?: string;
  value?: string;
}

export interface StockFilters {
  warehouseId?: string;
  productId?: string;
  q?: string;
  lotNo?: string;
}

export interface StockMove {
  id: string;
  kind: string;
  productId: string;
  sku?: string;
  productName?: Names | string;
  fromLocationId: string;
  fromLocationCode?: string;
  toLocationId: string;
  toLocationCode?: string;
  lotNo?: string | null;
  qty: string;
  moveDate: string;
  originType?: string | null;
  originId?: string | null;
  originNumber?: string | null;
  pickingId?: string | null;
  pickingNumber?: string | null;
  note?: string;
  createdAt?: string;
}

export interface AvailabilityDay {
  date: string;
  incoming: string;
  outgoing: string;
  projected: string;
}

export interface Availability {
  productId: string;
  warehouseId: string;
  horizonDays: number;
  onHand: string;
  reserved: string;
  available: string;
  days: AvailabilityDay[];
}

export type PickingState = 'draft' | 'waiting' | 'ready' | 'picked' | 'packed' | 'done' | 'cancelled';
export const OPEN_STATES: PickingState[] = ['draft', 'waiting', 'ready', 'picked', 'packed'];

export interface LotPick {
  locationId?: string;
  locationCode?: string;
  lotId?: string | null;
  lotNo: string | null;
  qty: string;
  expiryDate?: string | null;
}

export interface PickingLine {
  id: string;
  lineNo: number;
  productId: string;
  sku?: string;
  productName?: Names | string;
  uomCode?: string;
  qty: string;
  qtyDone: string;
  reservedQty?: string;
  originLineId?: string | null;
  lots?: LotPick[];
  lotNo?: string | null;
  expiryDate?: string | null;
  unitCost?: string | null;
  lotTracked?: boolean;
  expiryTracked?: boolean;
}

export interface Picking {
  id: string;
  number: string;
  kind: string;
  state: PickingState;
  warehouseId: string;
  partyId?: string | null;
  partyName?: string | null;
  originType?: string | null;
  originId?: string | null;
  originNumber?: string | null;
  scheduledDate?: string | null;
  shipTo?: Record<string, string> | null;
  carrier?: string;
  trackingNo?: string;
  notes?: string;
  backorderOfId?: string | null;
  doneAt?: string | null;
  lines?: PickingLine[];
  version: number;
}

/** The shipped delivery, and the backorder made for what did not ship. */
export type ShipResult = Picking & { backorderId: string | null };

export interface StockCountLine {
  id: string;
  productId: string;
  sku?: string;
  productName?: Names | string;
  locationId: string;
  locationCode?: string;
  lotId?: string | null;
  lotNo?: string | null;
  expectedQty: string;
  countedQty: string | null;
  difference?: string | null;
}

export interface StockCount {
  id: string;
  number: string;
  warehouseId: string;
  state: 'counting' | 'posted' | 'cancelled';
  countDate: string;
  notes?: string;
  lines?: StockCountLine[];
  version: number;
}

export interface SafetyLevel {
  id?: string;
  productId: string;
  sku?: string;
  productName?: Names | string;
  warehouseId: string;
  safetyQty: string;
  available?: string | null;
  belowSince?: string | null;
}

export interface ProcurementNeed {
  id: string;
  productId: string;
  sku?: string;
  productName?: Names | string;
  warehouseId: string;
  qty: string;
  method: string;
  neededBy?: string | null;
  state: string;
  originNumber?: string | null;
}
