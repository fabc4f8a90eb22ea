import { z } from 'zod';
import { Version } from '../../../../platform/http/schemas.ts';
import { Phone } from '../../customer/contract.ts';
import { Code, RegionCode } from '../contract.ts';

export const WebFormInput = z.strictObject({
  /** Internal: never shown on the public page. */
  name: z.string().trim().min(1).max(100),
  /** The lead_source code its leads get (and assignment rules match on). */
  sourceCode: Code.nullable().default(null),
  teamId: z.uuid().nullable().default(null),
  active: z.boolean().default(true),
});
export type WebFormInput = z.infer<typeof WebFormInput>;

export const WebFormPatch = z.strictObject({
  version: Version,
  name: WebFormInput.shape.name.optional(),
  sourceCode: Code.nullable().optional(),
  teamId: z.uuid().nullable().optional(),
  active: z.boolean().optional(),
});
export type WebFormPatch = z.infer<typeof WebFormPatch>;

export const WebFormView = z
  .object({
    id: z.uuid(),
    name: z.string(),
    /** The form's only credential: rotate it if it leaks into the wrong hands. */
    key: z.string(),
    /** The hosted page (relative to the server) and the API a custom page posts to. */
    pagePath: z.string(),
    submitPath: z.string(),
    sourceCode: z.string().nullable(),
    teamId: z.uuid().nullable(),
    active: z.boolean(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'WebForm' });
export type WebFormView = z.infer<typeof WebFormView>;

const Text = (max: number) => z.string().trim().max(max);

/** What a visitor sends. `website` is the honeypot: people never see it, form-filling bots fill it. */
export const PublicSubmission = z
  .strictObject({
    companyName: Text(200).optional(),
    contactName: Text(100).min(1),
    phone: z.union([Phone, z.literal('')]).optional(),
    email: z.union([z.string().trim().max(254).pipe(z.email()), z.literal('')]).optional(),
    region: z.union([RegionCode, z.literal('')]).optional(),
    message: Text(2000).optional(),
    website: z.string().max(500).optional(),
  })
  .refine((v) => Boolean(v.phone || v.email), {
    message: 'Leave a phone number or an email address',
    path: ['phone'],
  });
export type PublicSubmission = z.infer<typeof PublicSubmission>;

export const KeyParams = z.object({ key: z.string().min(1).max(200) });
export const FORM_KEY = /^[A-Za-z0-9_-]{24,100}$/;
