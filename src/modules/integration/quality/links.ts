// Where each kind of record lives in the web app (web/src/modules/*/routes.tsx).
const PATHS: Record<string, (id: string) => string> = {
  customer: (id) => `/crm/customers/${id}`,
  lead: (id) => `/crm/leads/${id}`,
  product: (id) => `/inventory/products/${id}`,
  sales_order: (id) => `/sales/orders/${id}`,
  delivery: (id) => `/inventory/deliveries/${id}`,
  invoice: (id) => `/accounting/invoices/${id}`,
  // The events screen has no page per event yet: its list, where the event shows with its deliveries.
  event: () => '/integration/events',
};

/** The record's page: the one a check gave, else the record type's usual page (null: none). */
export function webPathOf(recordType: string, recordId: string, given?: string | null): string | null {
  if (given !== undefined) return given;
  return PATHS[recordType]?.(recordId) ?? null;
}
