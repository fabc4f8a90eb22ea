import { z } from 'zod';
import { NumberPattern } from '../../platform/settings/fields.ts';
import { registerSettings } from '../../platform/settings/registry.ts';

// What crm reads from settings.crm (customer/create-customer.ts, lead/assignment/pick-assignee.ts).
registerSettings({
  section: 'crm',
  permission: 'platform.company.update',
  schema: z.object({
    /** New customers' codes, e.g. C{seq:6} or {region}-{seq:5}. */
    customerCodePattern: NumberPattern.default('C{seq:6}'),
    /** Who gets a lead no assignment rule placed (null: the first active administrator). */
    leadFallbackUserId: z.uuid().nullable().default(null),
  }),
});
