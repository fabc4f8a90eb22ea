// The company settings screen: one card per module section, one row per key (server: platform/settings).

export const companySettingsEn = {
  title: 'Company settings',
  subtitle: 'How this company works: credit control, documents, stock and books.',
  saved: 'Settings saved',
  readOnly: 'Only an administrator can change these.',
  empty: 'Empty (off)',
  sections: {
    sales: 'Sales',
    accounting: 'Accounting',
    inventory: 'Inventory',
    crm: 'Customers',
    purchasing: 'Purchasing',
    manufacturing: 'Manufacturing',
    mrp: 'Planning (MRP)',
    quality: 'Data quality',
  },
  fields: {
    sales: {
      requireCreditCheck: 'Check the credit limit when an order is confirmed',
      blockOverdueDays: 'Block new orders when an invoice is this many days past due',
      quoteValidDays: 'Quotes are valid for (days)',
      quoteNumberPattern: 'Quote numbers',
      orderNumberPattern: 'Sales order numbers',
    },
    accounting: {
      reviewBeforePosting: 'Entries need a reviewer before posting',
      invoicePolicy: 'Invoice sales orders on',
      collectionReminderDays: 'Remind the owner this many days before a collection is due',
    },
    inventory: {
      allowNegativeStock: 'Allow negative stock',
      costMethod: 'Costing method',
      salesHorizonDays: 'Days of availability sales may see',
    },
    purchasing: {
      approvalAmount: 'Purchase orders above this amount need an approval (empty: never)',
      approverRole: 'Role that approves purchase orders (code)',
      matchTolerancePct: 'Bill may differ from the order and receipt by (%)',
      defaultLeadTimeDays: 'Default purchase lead time (days)',
    },
    mrp: {
      periodDays: 'Group proposals per period of (days)',
    },
    quality: {
      requireCustomerOwner: 'Customers need an owner (outside the public pool)',
      requireCompanyTaxId: 'Company customers need a tax id',
      requireCustomerIndustry: 'Customers need an industry',
      requireCustomerSource: 'Customers need a source',
      requireCustomerContact: 'Customers need a contact person',
      stuckEventMinutes: 'An undelivered event is stuck after (minutes)',
      stuckEventAttempts: 'An undelivered event is stuck after this many attempts',
    },
    crm: {
      customerCodePattern: 'Customer codes',
      leadFallbackUserId: 'Owner of leads no rule assigns (user id)',
    },
  },
  options: {
    delivery: 'Delivered quantities',
    order: 'Ordered quantities',
    moving_average: 'Moving average',
    monthly_average: 'Monthly weighted average (月末一次加权平均)',
  },
};
