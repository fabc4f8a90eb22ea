import { sql } from 'drizzle-orm';
import type { Tx } from '../db/tx.ts';
import { newId } from '../ids.ts';

const currencies = [
  { code: 'CNY', symbol: '¥', name: { 'zh-CN': '人民币', en: 'Chinese Yuan' } },
  { code: 'USD', symbol: '$', name: { 'zh-CN': '美元', en: 'US Dollar' } },
  { code: 'EUR', symbol: '€', name: { 'zh-CN': '欧元', en: 'Euro' } },
  { code: 'HKD', symbol: 'HK$', name: { 'zh-CN': '港币', en: 'Hong Kong Dollar' } },
  { code: 'JPY', symbol: '¥', name: { 'zh-CN': '日元', en: 'Japanese Yen' }, decimals: 0 },
  { code: 'GBP', symbol: '£', name: { 'zh-CN': '英镑', en: 'Pound Sterling' } },
];

// China's VAT rates (13% goods, 9% transport/construction/agri, 6% services, 0% export, exempt).
const taxes = [
  { code: 'VAT13', rate: '0.13', name: { 'zh-CN': '增值税 13%', en: 'VAT 13%' } },
  { code: 'VAT9', rate: '0.09', name: { 'zh-CN': '增值税 9%', en: 'VAT 9%' } },
  { code: 'VAT6', rate: '0.06', name: { 'zh-CN': '增值税 6%', en: 'VAT 6%' } },
  { code: 'VAT0', rate: '0', name: { 'zh-CN': '零税率', en: 'VAT 0%' } },
  { code: 'EXEMPT', rate: '0', name: { 'zh-CN': '免税', en: 'Exempt' } },
];

const terms = [
  { code: 'COD', days: 0, eom: false, name: { 'zh-CN': '货到付款', en: 'Cash on delivery' } },
  { code: 'NET30', days: 30, eom: false, name: { 'zh-CN': '30 天', en: 'Net 30' } },
  { code: 'NET60', days: 60, eom: false, name: { 'zh-CN': '60 天', en: 'Net 60' } },
  { code: 'EOM30', days: 30, eom: true, name: { 'zh-CN': '月结 30 天', en: '30 days end of month' } },
];

const uoms = [
  { code: 'PCS', category: 'unit', factor: '1', name: { 'zh-CN': '个', en: 'Piece' } },
  { code: 'BOX12', category: 'unit', factor: '12', name: { 'zh-CN': '箱（12 个）', en: 'Box of 12' } },
  { code: 'KG', category: 'weight', factor: '1', name: { 'zh-CN': '千克', en: 'Kilogram' } },
  { code: 'G', category: 'weight', factor: '0.001', name: { 'zh-CN': '克', en: 'Gram' } },
  { code: 'T', category: 'weight', factor: '1000', name: { 'zh-CN': '吨', en: 'Tonne' } },
  { code: 'M', category: 'length', factor: '1', name: { 'zh-CN': '米', en: 'Metre' } },
  { code: 'L', category: 'volume', factor: '1', name: { 'zh-CN': '升', en: 'Litre' } },
  { code: 'H', category: 'time', factor: '1', name: { 'zh-CN': '小时', en: 'Hour' } },
];

const dictionaries: Record<string, Array<[string, string, string]>> = {
  industry: [
    ['manufacturing', '制造业', 'Manufacturing'],
    ['wholesale', '批发零售', 'Wholesale and retail'],
    ['it', '信息技术', 'Information technology'],
    ['construction', '建筑业', 'Construction'],
    ['services', '商务服务', 'Business services'],
  ],
  lead_source: [
    ['web', '官网表单', 'Web form'],
    ['referral', '客户推荐', 'Referral'],
    ['exhibition', '展会', 'Trade fair'],
    ['cold_call', '电话开发', 'Cold call'],
    ['wechat', '微信', 'WeChat'],
  ],
  lost_reason: [
    ['price', '价格', 'Price'],
    ['competitor', '选择竞争对手', 'Chose a competitor'],
    ['no_budget', '无预算', 'No budget'],
    ['timing', '时机不对', 'Timing'],
  ],
};

/** The reference data a new company starts with; all of it is editable afterwards. */
export async function seedReferenceData(tx: Tx, companyId: string, _baseCurrency: string): Promise<void> {
  for (const c of currencies)
    await tx.execute(
      sql`insert into platform_currency (company_id, id, code, name, symbol, decimals)
          values (${companyId}, ${newId()}, ${c.code}, ${JSON.stringify(c.name)}::jsonb, ${c.symbol}, ${c.decimals ?? 2})`,
    );
  for (const kind of ['output', 'input'] as const)
    for (const t of taxes)
      await tx.execute(
        sql`insert into platform_tax_code (company_id, id, code, name, kind, rate)
            values (${companyId}, ${newId()}, ${`${t.code}-${kind === 'output' ? 'OUT' : 'IN'}`},
                    ${JSON.stringify({ 'zh-CN': `${t.name['zh-CN']}（${kind === 'output' ? '销项' : '进项'}）`, en: `${t.name.en} (${kind})` })}::jsonb,
                    ${kind}, ${t.rate})`,
      );
  for (const p of terms)
    await tx.execute(
      sql`insert into platform_payment_term (company_id, id, code, name, due_days, end_of_month)
          values (${companyId}, ${newId()}, ${p.code}, ${JSON.stringify(p.name)}::jsonb, ${p.days}, ${p.eom})`,
    );
  for (const u of uoms)
    await tx.execute(
      sql`insert into platform_uom (company_id, id, code, name, category, factor)
          values (${companyId}, ${newId()}, ${u.code}, ${JSON.stringify(u.name)}::jsonb, ${u.category}, ${u.factor})`,
    );
  for (const [dictionary, entries] of Object.entries(dictionaries))
    for (const [i, [code, zh, en]] of entries.entries())
      await tx.execute(
        sql`insert into platform_dictionary_entry (company_id, id, dictionary, code, name, sort)
            values (${companyId}, ${newId()}, ${dictionary}, ${code}, ${JSON.stringify({ 'zh-CN': zh, en })}::jsonb, ${i * 10})`,
      );
}
