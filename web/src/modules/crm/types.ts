// Shapes of the CRM API (src/modules/crm/**/contract.ts) as the screens use them. Fields that later
// server work adds or that a role may not see are optional, so a missing one shows "—" instead of failing.

export type CustomerStatus = 'prospect' | 'active' | 'dormant' | 'lost';
export const CUSTOMER_STATUSES: CustomerStatus[] = ['prospect', 'active', 'dormant', 'lost'];
export type CustomerKind = 'company' | 'person';
export type AddressKind = 'billing' | 'shipping' | 'other';

export interface Address {
  id?: string;
  kind: AddressKind;
  isDefault?: boolean;
  countryCode?: string;
  regionCode?: string | null;
  city?: string;
  line1: string;
  line2?: string;
  postalCode?: string;
  contactName?: string;
  phone?: string;
  /** Present on a saved address: PATCH sends it back (409 stale_version when someone changed it). */
  version?: number;
}

/** What POST /customers/:id/addresses and PATCH …/addresses/:addressId take. */
export interface AddressInput {
  kind: AddressKind;
  isDefault: boolean;
  countryCode: string;
  regionCode: string | null;
  city: string;
  line1: string;
  line2: string;
  postalCode: string;
  contactName: string;
  phone: string;
}

export interface Customer {
  id: string;
  code: string;
  kind: CustomerKind;
  name: string;
  shortName?: string | null;
  taxId?: string | null;
  industryCode?: string | null;
  sourceCode?: string | null;
  tags?: string[];
  ownerUserId?: string | null;
  ownerName?: string | null;
  teamId?: string | null;
  status: CustomerStatus;
  creditLimit?: string | null;
  currency?: string;
  paymentTermCode?: string | null;
  notes?: string;
  inPool?: boolean;
  lastActivityAt?: string | null;
  mergedIntoId?: string | null;
  addresses?: Address[];
  version: number;
  createdAt?: string;
  updatedAt?: string;
}

export interface CustomerInput {
  kind: CustomerKind;
  name: string;
  shortName?: string | null;
  taxId?: string | null;
  industryCode?: string | null;
  sourceCode?: string | null;
  tags: string[];
  ownerUserId?: string | null;
  status?: CustomerStatus;
  creditLimit?: string | null;
  currency?: string;
  notes?: string;
  addresses: Address[];
  ignoreDuplicates?: boolean;
}

export type DuplicateReason = 'tax_id' | 'name' | 'similar_name' | 'phone' | 'email';

export interface DuplicateCandidate {
  id: string;
  code?: string;
  name: string;
  entity?: 'customer' | 'lead' | 'contact';
  reasons: DuplicateReason[];
  score?: number;
}

export interface CustomerListFilters {
  q?: string;
  status?: CustomerStatus;
  ownerUserId?: string;
  tag?: string;
  pool?: 'true' | 'false';
  sort?: 'name' | 'code' | 'createdAt' | 'lastActivityAt';
}

export type LeadStatus = 'new' | 'contacted' | 'qualified' | 'converted' | 'lost';
export const LEAD_STATUSES: LeadStatus[] = ['new', 'contacted', 'qualified', 'converted', 'lost'];

export interface Lead {
  id: string;
  status: LeadStatus;
  sourceCode?: string | null;
  companyName: string;
  contactName: string;
  phone?: string;
  email?: string | null;
  regionCode?: string | null;
  message?: string;
  ownerUserId?: string | null;
  ownerName?: string | null;
  teamId?: string | null;
  lostReasonCode?: string | null;
  formId?: string | null;
  convertedCustomerId?: string | null;
  convertedContactId?: string | null;
  convertedOpportunityId?: string | null;
  convertedAt?: string | null;
  duplicates?: DuplicateCandidate[];
  version: number;
  createdAt?: string;
  updatedAt?: string;
}

export interface LeadInput {
  companyName: string;
  contactName: string;
  phone: string;
  email?: string | null;
  regionCode?: string | null;
  sourceCode?: string | null;
  message: string;
}

export interface ConvertLeadInput {
  version: number;
  customer:
    | { mode: 'new'; name?: string; kind?: CustomerKind; ignoreDuplicates?: boolean }
    | { mode: 'existing'; customerId: string };
  createOpportunity: boolean;
  opportunity?: { name: string; amount: string; currency?: string; expectedCloseDate?: string | null };
}

export interface ConvertedLead {
  lead: Lead;
  customerId: string;
  contactId?: string;
  opportunity?: Opportunity | null;
}

/** A name people give things, per locale (`{ 'zh-CN': '初步接洽', en: 'Qualification' }`). */
export type Names = Record<string, string>;

export type OpportunityStatus = 'open' | 'won' | 'lost';

export interface Opportunity {
  id: string;
  name: string;
  customerId: string;
  customerName?: string | null;
  contactId?: string | null;
  pipelineId: string;
  stageId: string;
  stageName?: Names | null;
  status: OpportunityStatus;
  amount: string;
  currency: string;
  probability?: number;
  expectedCloseDate?: string | null;
  ownerUserId?: string | null;
  ownerName?: string | null;
  nextStep?: string;
  competitor?: string;
  lostReasonCode?: string | null;
  version: number;
}

export interface Stage {
  id: string;
  code: string;
  name: Names;
  sort: number;
  probability: number;
  outcome: OpportunityStatus;
  version?: number;
}

export interface Pipeline {
  id: string;
  code: string;
  name: Names;
  isDefault: boolean;
  active?: boolean;
  stages?: Stage[];
  version: number;
}

export interface BoardStage extends Stage {
  count?: number;
  totals?: { currency: string; amount: string }[];
  opportunities: Opportunity[];
}

export interface Board {
  pipeline: Omit<Pipeline, 'stages'>;
  stages: BoardStage[];
}

export interface ForecastRow {
  key: string | null;
  label: string | null;
  currency: string;
  count: number;
  amount: string;
  weightedAmount: string;
}

export interface Forecast {
  groupBy: 'month' | 'owner';
  items: ForecastRow[];
}

export type ActivityKind = 'call' | 'meeting' | 'visit' | 'email' | 'note' | 'task';
export const ACTIVITY_KINDS: ActivityKind[] = ['call', 'meeting', 'visit', 'email', 'note', 'task'];

export interface Activity {
  id: string;
  kind: ActivityKind;
  subject: string;
  body?: string;
  customerId?: string | null;
  customerName?: string | null;
  contactId?: string | null;
  leadId?: string | null;
  opportunityId?: string | null;
  ownerUserId?: string;
  ownerName?: string | null;
  startsAt?: string | null;
  endsAt?: string | null;
  dueAt?: string | null;
  doneAt?: string | null;
  done: boolean;
  overdue?: boolean;
  version: number;
  createdAt?: string;
}

export interface ActivityInput {
  kind: ActivityKind;
  subject: string;
  body?: string;
  customerId?: string | null;
  contactId?: string | null;
  leadId?: string | null;
  opportunityId?: string | null;
  startsAt?: string | null;
  endsAt?: string | null;
  dueAt?: string | null;
  remindAt?: string | null;
  done?: boolean;
}

export interface MyDay {
  date: string;
  timeZone?: string;
  overdue: Activity[];
  dueToday: Activity[];
  meetings: Activity[];
}

export interface Contact {
  id: string;
  customerId?: string | null;
  customerName?: string | null;
  name: string;
  title?: string;
  phones?: string[];
  email?: string | null;
  wechat?: string | null;
  birthday?: string | null;
  preferredChannel?: string | null;
  notes?: string;
  version?: number;
}

export interface TimelineEntry {
  id: string;
  customerId?: string;
  occurredAt: string;
  type: string;
  summary: string;
  /** The aggregate, and `params`: the event's scalar values (names, stage ids, amounts …). */
  ref?: { aggregateType?: string; aggregateId?: string; params?: Record<string, unknown> };
  actorUserId?: string | null;
  actorName?: string | null;
}

export interface OverviewOpportunity {
  id: string;
  name: string;
  stageId?: string;
  stageName?: Names | null;
  amount: string;
  currency: string;
  probability?: number;
  weightedAmount?: string;
  expectedCloseDate?: string | null;
  ownerName?: string | null;
}

export interface CustomerOverview {
  profile?: Customer;
  contacts?: Contact[] | null;
  openOpportunities?: OverviewOpportunity[] | null;
  recentActivities?: Activity[] | null;
  timeline?: { items: TimelineEntry[]; nextCursor: string | null };
  accounting?: { openReceivables: string | null; creditLeft: string | null };
}

export interface DictionaryEntry {
  id: string;
  dictionary?: string;
  code: string;
  name: Names;
  sort?: number;
  active?: boolean;
}

/** The answer of POST /contacts/import.vcf: a refused card says why (`code`), the others were created. */
export interface VcardImportResult {
  created: Array<{ card: number; id: string; name: string; customerId: string | null }>;
  skipped: Array<{
    card: number;
    name: string | null;
    code: string;
    message: string;
    details?: { candidates: DuplicateCandidate[] };
  }>;
}
