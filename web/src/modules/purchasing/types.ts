// Shapes of the purchasing API (src/modules/purchasing/**/contract.ts) as the screens use them.

export type OrderState =
  | 'draft'
  | 'awaiting_approval'
  | 'sent'
  | 'confirmed'
  | 'partly_received'
  | 'received'
  | 'billed'
  | 'closed'
  | 'cancelled';
export const ORDER_STATES: OrderState[] = [
  'draft',
  'sent',
  'awaiting_approval',
  'confirmed',
  'partly_received',
  'received',
  'billed',
  'closed',
  'cancelled',
];

export interface OrderLine {
  id: string;
  lineNo: number;
  productId: string;
  sku: string;
  productName: string;
  uomCode: string;
  description: string;
  qty: string;
  unitPrice: string;
  taxCode: string | null;
  taxRate: string;
  subtotal: string;
  tax: string;
  total: string;
  qtyReceived: string;
  qtyBilled: string;
  qtyReturned: string;
  requisitionIds: string[];
}

export interface OrderSummary {
  id: string;
  number: string;
  state: OrderState;
  supplierId: string;
  supplierCode: string;
  supplierName: string;
  partyId: string;
  warehouseId: string;
  orderDate: string;
  expectedDate: string | null;
  currency: string;
  exchangeRate: string;
  paymentTermCode: string | null;
  notes: string;
  subtotal: string;
  taxTotal: string;
  total: string;
  totalCompany: string;
  approvalId: string | null;
  approvedAt: string | null;
  sentAt: string | null;
  confirmedAt: string | null;
  receiptId: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface Order extends OrderSummary {
  lines: OrderLine[];
}

export interface OrderLineInput {
  productId: string;
  description?: string;
  qty: string;
  unitPrice?: string;
  taxCode?: string | null;
}

export interface OrderInput {
  supplierId: string;
  warehouseId?: string;
  orderDate?: string;
  expectedDate?: string | null;
  currency?: string;
  paymentTermCode?: string | null;
  notes?: string;
  lines: OrderLineInput[];
}

export type RequisitionState = 'draft' | 'approved' | 'ordered' | 'cancelled';
export const REQUISITION_STATES: RequisitionState[] = ['draft', 'approved', 'ordered', 'cancelled'];

export interface Requisition {
  id: string;
  number: string;
  state: RequisitionState;
  productId: string;
  sku: string;
  productName: string;
  warehouseId: string;
  qty: string;
  neededBy: string | null;
  supplierId: string | null;
  originType: string;
  originId: string | null;
  originNumber: string | null;
  needId: string | null;
  orderId: string | null;
  orderLineId: string | null;
  notes: string;
  version: number;
  createdAt: string;
}

export interface ToOrdersResult {
  orders: OrderSummary[];
  unassigned: { requisitionId: string; number: string; reason: string }[];
}

export type BillState = 'matched' | 'match_blocked' | 'variance_approved' | 'posted' | 'cancelled';
export const BILL_STATES: BillState[] = [
  'matched',
  'match_blocked',
  'variance_approved',
  'posted',
  'cancelled',
];

export interface BillLine {
  id: string;
  lineNo: number;
  orderLineId: string;
  productId: string;
  sku: string;
  qty: string;
  unitPrice: string;
  taxCode: string | null;
  orderPrice: string;
  qtyBillable: string;
  priceDiffPct: string;
  qtyDiffPct: string;
  withinTolerance: boolean;
}

export interface Bill {
  id: string;
  orderId: string;
  orderNumber: string;
  supplierId: string;
  supplierName: string;
  state: BillState;
  reference: string;
  billDate: string;
  currency: string;
  tolerancePct: string;
  subtotal: string;
  total: string;
  varianceApprovedAt: string | null;
  varianceApprovedBy: string | null;
  varianceReason: string | null;
  invoiceId: string | null;
  invoiceNumber: string | null;
  version: number;
  createdAt: string;
  lines?: BillLine[];
}

export interface BillInput {
  reference?: string;
  billDate?: string;
  lines?: { orderLineId: string; qty: string; unitPrice: string; taxCode?: string | null }[];
}

export interface Supplier {
  id: string;
  partyId: string;
  partyCode: string;
  name: string;
  taxId: string | null;
  code: string;
  paymentTermCode: string | null;
  currency: string;
  leadTimeDays: number;
  active: boolean;
  notes: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface SupplierInput {
  partyId?: string;
  party?: { kind?: 'company' | 'person'; name: string; taxId?: string | null; ignoreDuplicates?: boolean };
  code?: string;
  paymentTermCode?: string | null;
  currency?: string;
  leadTimeDays?: number;
  active?: boolean;
  notes?: string;
}

export interface SupplierPrice {
  id: string;
  supplierId: string;
  supplierCode: string;
  supplierName: string;
  productId: string;
  sku: string;
  price: string;
  currency: string;
  minQty: string;
  leadTimeDays: number | null;
  effectiveLeadTimeDays: number;
  validFrom: string | null;
  validTo: string | null;
  preferred: boolean;
  version: number;
}

export interface SupplierPriceInput {
  supplierId: string;
  productId: string;
  price: string;
  currency?: string;
  minQty?: string;
  leadTimeDays?: number | null;
  validFrom?: string | null;
  validTo?: string | null;
  preferred?: boolean;
}

export interface BestPrice {
  found: boolean;
  price: SupplierPrice | null;
  priceCompany: string | null;
}
