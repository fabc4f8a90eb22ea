import { z } from 'zod';
import { Phone } from '../customer/contract.ts';

const Text = (max: number) => z.string().trim().max(max);

export const CHANNELS = ['phone', 'email', 'wechat', 'visit', 'sms'] as const;

// A birthday is a calendar date with a year (the column is a SQL date), not in the future.
const Birthday = z.iso
  .date()
  .refine((d) => d >= '1900-01-01' && d <= new Date().toISOString().slice(0, 10), 'a past date');

const fields = {
  name: Text(100).min(1),
  title: Text(100),
  phones: z.array(Phone).max(10),
  email: z.email().max(254).nullable(),
  wechat: Text(100).min(1).nullable(),
  birthday: Birthday.nullable(),
  preferredChannel: z.enum(CHANNELS).nullable(),
  notes: Text(5000),
};

export const ContactInput = z.strictObject({
  /** The customer the person works for; without one the contact stands alone (and follows its owner). */
  customerId: z.uuid().nullable().optional(),
  name: fields.name,
  title: fields.title.default(''),
  phones: fields.phones.default([]),
  email: fields.email.optional(),
  wechat: fields.wechat.optional(),
  birthday: fields.birthday.optional(),
  preferredChannel: fields.preferredChannel.optional(),
  notes: fields.notes.default(''),
  ownerUserId: z.uuid().nullable().optional(),
  /** Create even though contacts with the same phone or email exist (the user looked at them). */
  ignoreDuplicates: z.boolean().default(false),
});
export type ContactInput = z.infer<typeof ContactInput>;

export const ContactPatch = z.strictObject({
  version: z.number().int().min(1),
  customerId: z.uuid().nullable().optional(),
  name: fields.name.optional(),
  title: fields.title.optional(),
  phones: fields.phones.optional(),
  email: fields.email.optional(),
  wechat: fields.wechat.optional(),
  birthday: fields.birthday.optional(),
  preferredChannel: fields.preferredChannel.optional(),
  notes: fields.notes.optional(),
  ownerUserId: z.uuid().nullable().optional(),
  ignoreDuplicates: z.boolean().default(false),
});
export type ContactPatch = z.infer<typeof ContactPatch>;

export const Contact = z
  .object({
    id: z.uuid(),
    customerId: z.uuid().nullable(),
    customerName: z.string().nullable(),
    name: z.string(),
    title: z.string(),
    phones: z.array(z.string()),
    email: z.string().nullable(),
    wechat: z.string().nullable(),
    birthday: z.string().nullable(),
    preferredChannel: z.enum(CHANNELS).nullable(),
    notes: z.string(),
    ownerUserId: z.uuid().nullable(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Contact' });
export type Contact = z.infer<typeof Contact>;

export const ContactListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(300).optional(),
  /** Name fragment, phone (any format) or email. */
  q: z.string().trim().max(100).optional(),
  customerId: z.uuid().optional(),
});
export type ContactListQuery = z.infer<typeof ContactListQuery>;

export const DeleteContactQuery = z.object({ version: z.coerce.number().int().min(1) });
