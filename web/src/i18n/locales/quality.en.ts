// The data-quality centre (integration/quality): checks, runs and findings.
export const qualityEn = {
  title: 'Data quality',
  subtitle:
    'Checks over the shared master data and documents. Each finding links to its record: fix it, or resolve or ignore it with a note.',
  runNow: 'Run checks now',
  runningShort: 'Checking…',
  running: 'Checking: {{done}} of {{total}} checks done',
  lastRun: 'Last run {{at}}: {{found}} findings, {{opened}} new, {{resolved}} resolved by the run',
  runError: 'Some checks could not run: {{error}}',
  neverRun: 'The checks have not run yet.',
  all: 'All',
  allChecks: 'All checks',
  noFindings: 'Nothing found.',
  resolve: 'Resolve',
  ignore: 'Ignore',
  resolveTitle: 'Resolve this finding',
  ignoreTitle: 'Ignore this finding',
  resolveHint:
    'Resolve it once the record is fixed. If the next run still finds the problem, it opens again.',
  ignoreHint:
    'Ignore it when the record is right as it is. It stays ignored as long as the problem persists.',
  notePlaceholder: 'A note for the others (optional)',
  resolvedDone: 'Marked resolved',
  ignoredDone: 'Ignored',
  note: 'Note',
  seen: 'First seen {{first}}, last seen {{last}}',
  status: { open: 'Open', resolved: 'Resolved', ignored: 'Ignored' },
  severity: { high: 'High', medium: 'Medium', low: 'Low' },
  reasons: {
    name: 'same name',
    tax_id: 'same tax id',
    phone: 'same phone',
    email: 'same e-mail',
    barcode: 'same barcode',
  },
  fields: {
    owner: 'owner',
    taxId: 'tax id',
    industry: 'industry',
    source: 'source',
    contact: 'contact person',
  },
  stockKinds: { on_hand: 'On hand', reserved: 'Reserved' },
  orderProblems: {
    delivered_with_open_quantity: 'marked delivered but not everything has shipped',
    shipped_but_not_marked: 'goods have shipped but the order is still confirmed',
    fully_shipped_but_partly_delivered: 'everything has shipped but the order is partly delivered',
    shipped_while_not_confirmed: 'goods shipped although the order is not confirmed',
    invoiced_more_than_ordered: 'invoiced more than ordered',
    invoiced_more_than_delivered: 'invoiced more than delivered',
    delivered_quantity_unlike_deliveries: 'delivered quantities differ from the done deliveries',
  },
  problems: {
    crm_duplicate_customer: 'Looks like {{duplicateOfCode}} {{duplicateOfName}} ({{reasons}})',
    crm_duplicate_contact: 'Looks like {{duplicateOfName}} at the same customer ({{reasons}})',
    catalog_duplicate_product: 'Looks like {{duplicateOfSku}} {{duplicateOfName}} ({{reasons}})',
    sales_order_state: 'Order {{number}} ({{state}}): {{problem}}',
    inventory_stock_balance: '{{kind}} is {{actual}} but the moves say {{expected}}',
    crm_customer_required_fields: 'Missing: {{field}}',
    platform_undefined_dictionary_value:
      '{{field}} is “{{code}}”, which the {{dictionary}} list does not define',
    catalog_product_without_cost:
      'Stocked goods without a cost (no stock value, supplier price or bill of materials)',
    catalog_product_without_tax: 'No tax category',
    platform_stuck_event: 'Event {{type}} not delivered ({{attempts}} attempts) {{lastError}}',
  },
};

export const qualityErrorsEn = {
  quality_running: 'The checks are running already.',
  finding_unchanged: 'The finding has that status already.',
};
