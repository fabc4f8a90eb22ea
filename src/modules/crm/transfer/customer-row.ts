import { z } from 'zod';
import type { ImportColumn } from '../../../platform/imports/registry.ts';
import { Phone } from '../customer/contract.ts';
import { normalizeTaxId } from '../customer/find-duplicates.ts';
import { toHalfWidth } from '../customer/normalize.ts';

/**
 * The columns of a customer file. The keys are also the customer export's columns, so an exported
 * list can be edited and imported again. The code is the key: a row with a code updates that
 * customer (a new customer's code is always generated).
 */
export const CUSTOMER_COLUMNS: ImportColumn[] = [
  { key: 'code', label: { 'zh-CN': '客户编号', en: 'Code' }, required: false, example: '' },
  {
    key: 'name',
    label: { 'zh-CN': '客户名称', en: 'Name' },
    required: true,
    example: '上海星辰贸易有限公司',
  },
  { key: 'shortName', label: { 'zh-CN': '简称', en: 'Short name' }, required: false, example: '星辰' },
  { key: 'kind', label: { 'zh-CN': '类型', en: 'Kind' }, required: false, example: '企业' },
  { key: 'taxId', label: { 'zh-CN': '税号', en: 'Tax id' }, required: false, example: '91350100M000100Y43' },
  { key: 'industry', label: { 'zh-CN': '行业', en: 'Industry' }, required: false, example: '批发零售' },
  { key: 'source', label: { 'zh-CN': '来源', en: 'Source' }, required: false, example: '展会' },
  { key: 'tags', label: { 'zh-CN': '标签', en: 'Tags' }, required: false, example: 'VIP, 华东' },
  {
    key: 'ownerEmail',
    label: { 'zh-CN': '负责人邮箱', en: 'Owner email' },
    required: false,
    example: 'li.na@example.com',
  },
  { key: 'status', label: { 'zh-CN': '状态', en: 'Status' }, required: false, example: '潜在' },
  {
    key: 'creditLimit',
    label: { 'zh-CN': '信用额度', en: 'Credit limit' },
    required: false,
    example: '500000.00',
  },
  {
    key: 'paymentTerm',
    label: { 'zh-CN': '付款条件', en: 'Payment term' },
    required: false,
    example: 'NET30',
  },
  {
    key: 'addressLine',
    label: { 'zh-CN': '地址', en: 'Address' },
    required: false,
    example: '世纪大道 100 号',
  },
  { key: 'city', label: { 'zh-CN': '城市', en: 'City' }, required: false, example: '上海' },
  { key: 'region', label: { 'zh-CN': '省份', en: 'Region' }, required: false, example: 'CN-SH' },
  {
    key: 'contactName',
    label: { 'zh-CN': '联系人', en: 'Contact name' },
    required: false,
    example: '王小明',
  },
  {
    key: 'contactPhone',
    label: { 'zh-CN': '联系电话', en: 'Contact phone' },
    required: false,
    example: '138 0013 8000',
  },
  {
    key: 'contactEmail',
    label: { 'zh-CN': '联系人邮箱', en: 'Contact email' },
    required: false,
    example: 'wang@example.cn',
  },
];

// What people type in a status or kind cell, in either language.
const STATUSES: Record<string, 'prospect' | 'active' | 'dormant' | 'lost'> = {
  prospect: 'prospect',
  潜在: 'prospect',
  潜在客户: 'prospect',
  active: 'active',
  活跃: 'active',
  正式: 'active',
  成交客户: 'active',
  dormant: 'dormant',
  休眠: 'dormant',
  沉睡: 'dormant',
  lost: 'lost',
  流失: 'lost',
  已流失: 'lost',
};
const KINDS: Record<string, 'company' | 'person'> = {
  company: 'company',
  企业: 'company',
  公司: 'company',
  person: 'person',
  individual: 'person',
  个人: 'person',
};

const word = (map: Record<string, string>, what: string) =>
  z.string().transform((v, ctx) => {
    const hit = map[toHalfWidth(v).trim().toLowerCase()];
    if (!hit) ctx.addIssue({ code: 'custom', message: `not a known ${what}: ${v}` });
    return hit;
  });

/** Several values in one cell, separated the ways spreadsheets and people separate them. */
export const list = (max: number, item: z.ZodType<string, string>) =>
  z
    .string()
    .transform((v) => [
      ...new Set(
        v
          .split(/[,，、;；|]+/)
          .map((s) => s.trim())
          .filter(Boolean),
      ),
    ])
    .pipe(z.array(item).max(max));

const Text = (max: number) => z.string().max(max);

export const CustomerRow = z.object({
  code: Text(40).optional(),
  name: Text(200).min(1),
  shortName: Text(100).optional(),
  kind: word(KINDS, 'kind').optional(),
  taxId: Text(40)
    .transform((v) => normalizeTaxId(v))
    .optional(),
  industry: Text(100).optional(),
  source: Text(100).optional(),
  tags: list(30, z.string().max(40)).optional(),
  ownerEmail: z.email().max(254).optional(),
  status: word(STATUSES, 'status').optional(),
  // Spreadsheets write thousands separators and currency signs; the amount is what is left.
  creditLimit: z
    .string()
    .transform((v) => v.replace(/[,\s¥￥]/g, ''))
    .pipe(z.string().regex(/^\d{1,16}(\.\d{1,2})?$/, 'a non-negative amount with at most 2 decimals'))
    .optional(),
  paymentTerm: Text(100).optional(),
  addressLine: Text(300).optional(),
  city: Text(100).optional(),
  region: Text(100).optional(),
  contactName: Text(100).optional(),
  contactPhone: list(10, Phone).optional(),
  contactEmail: z.email().max(254).optional(),
});
export type CustomerRow = z.infer<typeof CustomerRow>;
