// Shapes of the accounting documents API (invoices, payments, aging, the customer's account).

export type InvoiceKind =
  | 'customer_invoice'
  | 'customer_credit_note'
  | 'supplier_bill'
  | 'supplier_credit_note';
export const INVOICE_KINDS: InvoiceKind[] = [
  'customer_invoice',
  'customer_credit_note',
  'supplier_bill',
  'supplier_credit_note',
];
export type InvoiceState = 'draft' | 'posted' | 'cancelled';
export const INVOICE_STATES: InvoiceState[] = ['draft', 'posted', 'cancelled'];
export type PaymentState = 'not_paid' | 'partial' | 'paid';
export const PAYMENT_STATES: PaymentState[] = ['not_paid', 'partial', 'paid'];

export interface InvoiceLine {
  id: string;
  lineNo: number;
  productId: string | null;
  sku: string | null;
  description: string;
  quantity: string;
  unitPrice: string;
  discountPercent: string;
  taxCode: string | null;
  taxRate: string;
  taxIncluded: boolean;
  net: string;
  tax: string;
  total: string;
  netCompany: string;
  taxCompany: string;
  accountId: string | null;
  originLineId: string | null;
}

export interface InvoiceSummary {
  id: string;
  kind: InvoiceKind;
  state: InvoiceState;
  number: string | null;
  partnerId: string;
  partnerName: string | null;
  invoiceDate: string;
  dueDate: string;
  paymentTermCode: string | null;
  currency: string;
  rate: string;
  untaxed: string;
  tax: string;
  total: string;
  untaxedCompany: string;
  taxCompany: string;
  totalCompany: string;
  residual: string;
  residualCompany: string;
  paymentState: PaymentState;
  creditNoteOf: string | null;
  eInvoiceNumber: string | null;
  eInvoiceDate: string | null;
  originType: string | null;
  originId: string | null;
  originNumber: string | null;
  reference: string;
  notes: string;
  entryId: string | null;
  reversalEntryId: string | null;
  postedAt: string | null;
  cancelledAt: string | null;
  cancelReason: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface InvoiceSettlement {
  id: string;
  date: string;
  paymentId: string | null;
  creditNoteId: string | null;
  invoiceId: string;
  number: string | null;
  amount: string;
  fxDifference: string;
}

export interface Invoice extends InvoiceSummary {
  lines: InvoiceLine[];
  settlements: InvoiceSettlement[];
}

export interface InvoiceFilters {
  q?: string;
  kind?: string;
  state?: string;
  paymentState?: string;
  partnerId?: string;
  originId?: string;
}

export type Direction = 'inbound' | 'outbound';

export interface PaymentAllocation {
  id: string;
  invoiceId: string;
  invoiceNumber: string | null;
  date: string;
  amount: string;
  invoiceAmountCompany: string;
  paymentAmountCompany: string;
  fxDifference: string;
  entryId: string | null;
}

export interface PaymentSummary {
  id: string;
  direction: Direction;
  number: string;
  state: string;
  partnerId: string;
  partnerName: string | null;
  paymentDate: string;
  accountId: string;
  currency: string;
  rate: string;
  amount: string;
  amountCompany: string;
  unallocated: string;
  unallocatedCompany: string;
  reference: string;
  memo: string;
  entryId: string | null;
  version: number;
  createdAt: string;
}

export interface Payment extends PaymentSummary {
  allocations: PaymentAllocation[];
}

export interface PaymentInput {
  direction: Direction;
  partnerId: string;
  paymentDate?: string;
  accountId: string;
  currency?: string;
  rate?: string;
  amount: string;
  reference?: string;
  memo?: string;
  allocations: { invoiceId: string; amount: string }[];
}

export interface PaymentFilters {
  q?: string;
  direction?: string;
  partnerId?: string;
}

export interface CustomerAccountSummary {
  customerId: string;
  currency: string;
  asOf: string;
  openReceivables: string;
  overdue: string;
  openInvoices: number;
  unappliedPayments: string;
  committedOrders: string;
  creditLimit: string | null;
  creditLeft: string | null;
  recentPayments: {
    id: string;
    number: string;
    date: string;
    amount: string;
    currency: string;
    amountCompany: string;
    unallocated: string;
  }[];
}

export interface AgingRow {
  partnerId: string;
  partnerName: string | null;
  current: string;
  days1to30: string;
  days31to60: string;
  days61to90: string;
  over90: string;
  unapplied: string;
  total: string;
}

export const AGING_BUCKETS = ['current', 'days1to30', 'days31to60', 'days61to90', 'over90'] as const;

export interface Aging {
  side: 'receivable' | 'payable';
  asOf: string;
  currency: string;
  items: AgingRow[];
  totals: Record<(typeof AGING_BUCKETS)[number] | 'unapplied' | 'total', string>;
}

export interface CreditProfile {
  customerId: string;
  asOf: string;
  currency: string;
  customerCurrency: string;
  creditLimit: string | null;
  band: 'A' | 'B' | 'C' | 'D' | 'new';
  score: number | null;
  suggestedLimit: string | null;
  suggestedLimitCustomerCurrency: string | null;
  averageDaysLate: number | null;
  overdueShare: number | null;
  reasons: Array<{ code: string; params: Record<string, string | number> }>;
}
