import { parseWithSchema, registerImporter } from '../../../platform/imports/registry.ts';
import { CUSTOMER_COLUMNS, CustomerRow } from './customer-row.ts';
import { CONTACT_COLUMNS, ContactRow, importContactRow, undoContactImport } from './import-contact.ts';
import { importCustomerChunk, importCustomerRow } from './import-customer.ts';
import { importLeadRow, LEAD_COLUMNS, LeadRow, undoLeadImport } from './import-lead.ts';
import { undoCustomerImport } from './undo-customer-import.ts';

// crm's entities on the platform's import engine (column mapping, dry run, per-row errors,
// progress, undo). A row that duplicates an existing record or an earlier row of the same file is
// refused with the code `duplicate` and the candidate in the message; the import wizard shows those
// as duplicate warnings in the dry run.

registerImporter<CustomerRow>({
  entity: 'crm.customer',
  permission: 'crm.customer.create',
  columns: CUSTOMER_COLUMNS,
  keyColumns: ['code', 'taxId', 'name'],
  parseRow: (raw) => parseWithSchema(CustomerRow, raw),
  importRow: importCustomerRow,
  importChunk: importCustomerChunk,
  undo: undoCustomerImport,
});

registerImporter<ContactRow>({
  entity: 'crm.contact',
  permission: 'crm.contact.create',
  columns: CONTACT_COLUMNS,
  parseRow: (raw) => parseWithSchema(ContactRow, raw),
  importRow: importContactRow,
  undo: undoContactImport,
});

registerImporter<LeadRow>({
  entity: 'crm.lead',
  permission: 'crm.lead.create',
  columns: LEAD_COLUMNS,
  parseRow: (raw) => parseWithSchema(LeadRow, raw),
  importRow: importLeadRow,
  undo: undoLeadImport,
});
