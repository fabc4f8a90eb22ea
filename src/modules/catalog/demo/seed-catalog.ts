import { sql } from 'drizzle-orm';
import { loadActor } from '../../../platform/auth/load-actor.ts';
import { one, type Tx } from '../../../platform/db/tx.ts';
import type { DemoContext } from '../../../platform/demo/seed.ts';
import { newId } from '../../../platform/ids.ts';
import { CategoryInput } from '../category/contract.ts';
import { createCategory } from '../category/create-category.ts';
import { PriceListInput } from '../price-list/contract.ts';
import { createPriceList } from '../price-list/create-price-list.ts';
import { ProductInput } from '../product/contract.ts';
import { createProduct } from '../product/create-product.ts';

// [code, zh-CN, en, parent]
const CATEGORIES: Array<[string, string, string, string | null]> = [
  ['OFFICE', '办公用品', 'Office supplies', null],
  ['PAPER', '纸品', 'Paper', 'OFFICE'],
  ['WRITING', '书写工具', 'Writing instruments', 'OFFICE'],
  ['TEA', '茶叶', 'Tea', null],
  ['ELEC', '电子元器件', 'Electronic parts', null],
  ['CABLE', '线缆', 'Cables', 'ELEC'],
  ['SERVICE', '服务', 'Services', null],
];

// [sku, zh-CN, en, category, unit, price, box factor | null, extra]
type Extra = Partial<{
  kind: string;
  lot: boolean;
  expiry: boolean;
  tax: string;
  make: boolean;
  weight: string;
}>;
const PRODUCTS: Array<[string, string, string, string, string, string, string | null, Extra?]> = [
  [
    'PAP-A4-70',
    '得力 A4 复印纸 70g（500 张/包）',
    'Deli A4 copy paper 70 g (500 sheets)',
    'PAPER',
    'PCS',
    '21.50',
    '5',
  ],
  [
    'PAP-A4-80',
    '晨光 A4 复印纸 80g（500 张/包）',
    'M&G A4 copy paper 80 g (500 sheets)',
    'PAPER',
    'PCS',
    '26.00',
    '5',
  ],
  ['PAP-A3-80', '晨光 A3 复印纸 80g', 'M&G A3 copy paper 80 g', 'PAPER', 'PCS', '52.00', '5'],
  ['PAP-NOTE-A5', '皮面笔记本 A5', 'Leather notebook A5', 'PAPER', 'PCS', '18.80', '24'],
  ['PAP-STICKY', '便利贴 76×76mm', 'Sticky notes 76×76 mm', 'PAPER', 'PCS', '3.20', '12'],
  ['WRT-GEL-05', '中性笔 0.5mm 黑色', 'Gel pen 0.5 mm black', 'WRITING', 'PCS', '2.50', '12'],
  ['WRT-GEL-05R', '中性笔 0.5mm 红色', 'Gel pen 0.5 mm red', 'WRITING', 'PCS', '2.50', '12'],
  ['WRT-MARK-BK', '白板笔 黑色', 'Whiteboard marker black', 'WRITING', 'PCS', '4.80', '10'],
  ['WRT-HIGHL', '荧光笔 五色套装', 'Highlighter set of 5', 'WRITING', 'PCS', '12.90', '20'],
  ['OFF-STAPLER', '订书机 24/6', 'Stapler 24/6', 'OFFICE', 'PCS', '15.00', null],
  ['OFF-STAPLES', '订书钉 24/6（1000 枚）', 'Staples 24/6 (1000)', 'OFFICE', 'PCS', '1.60', '20'],
  ['OFF-FOLDER', '文件夹 A4 蓝色', 'Document folder A4 blue', 'OFFICE', 'PCS', '6.50', '50'],
  ['OFF-CALC', '计算器 12 位', 'Desktop calculator 12-digit', 'OFFICE', 'PCS', '39.00', null],
  [
    'TEA-LJ-250',
    '西湖龙井 明前 250g',
    'West Lake Longjing pre-Qingming 250 g',
    'TEA',
    'PCS',
    '368.00',
    '12',
    { lot: true, expiry: true, weight: '0.3' },
  ],
  [
    'TEA-TGY-250',
    '安溪铁观音 250g',
    'Anxi Tieguanyin 250 g',
    'TEA',
    'PCS',
    '198.00',
    '12',
    { lot: true, expiry: true, weight: '0.3' },
  ],
  [
    'TEA-PE-357',
    '云南普洱 熟茶饼 357g',
    'Yunnan Pu-erh ripe cake 357 g',
    'TEA',
    'PCS',
    '258.00',
    '7',
    { lot: true, weight: '0.4' },
  ],
  [
    'TEA-BLC-BULK',
    '祁门红茶 散装',
    'Keemun black tea, loose',
    'TEA',
    'KG',
    '320.00',
    null,
    { lot: true, expiry: true },
  ],
  [
    'TEA-JAS-100',
    '茉莉花茶 100g',
    'Jasmine tea 100 g',
    'TEA',
    'PCS',
    '45.00',
    '24',
    { lot: true, expiry: true },
  ],
  ['TEA-GIFT', '茶叶礼盒 双罐装', 'Tea gift box, two tins', 'TEA', 'PCS', '598.00', null, { make: true }],
  [
    'ELC-RES-10K',
    '贴片电阻 0603 10kΩ（盘装 5000）',
    'SMD resistor 0603 10 kΩ (reel of 5000)',
    'ELEC',
    'PCS',
    '12.00',
    null,
  ],
  ['ELC-CAP-100U', '电解电容 100µF 25V', 'Electrolytic capacitor 100 µF 25 V', 'ELEC', 'PCS', '0.35', '100'],
  ['ELC-LED-5MM', 'LED 5mm 红色', 'LED 5 mm red', 'ELEC', 'PCS', '0.12', '100'],
  [
    'ELC-MCU-STM32',
    '单片机 STM32F103C8T6',
    'Microcontroller STM32F103C8T6',
    'ELEC',
    'PCS',
    '8.60',
    '50',
    { lot: true },
  ],
  ['ELC-RELAY-5V', '继电器 5V 10A', 'Relay 5 V 10 A', 'ELEC', 'PCS', '3.90', '50'],
  ['ELC-PSU-12V', '开关电源 12V 5A', 'Switching power supply 12 V 5 A', 'ELEC', 'PCS', '46.00', '10'],
  ['CBL-USB-C-1M', 'USB-C 数据线 1 米', 'USB-C cable 1 m', 'CABLE', 'PCS', '9.90', '50'],
  ['CBL-CAT6', '六类网线（按米）', 'Cat 6 network cable (per metre)', 'CABLE', 'M', '2.20', null],
  ['CBL-RVV-2C', '护套线 RVV 2×1.0', 'Sheathed cable RVV 2×1.0 mm²', 'CABLE', 'M', '3.10', null],
  // Parts and packaging the demo company makes its own products from (manufacturing's demo BOMs).
  ['ELC-PCB-4CH', '四路控制板 空白 PCB', 'Blank PCB, 4-channel controller', 'ELEC', 'PCS', '6.80', '50'],
  ['ELC-SHELL-ABS', 'ABS 塑料外壳 115×90×40', 'ABS enclosure 115×90×40 mm', 'ELEC', 'PCS', '9.50', '20'],
  [
    'KIT-PCBA-4CH',
    '四路控制主板 PCBA（半成品）',
    'Controller board PCBA, 4-channel (semi-finished)',
    'ELEC',
    'PCS',
    '58.00',
    null,
    { make: true },
  ],
  [
    'KIT-RELAY-4CH',
    '四路继电器控制器 12V',
    '4-channel relay controller 12 V',
    'ELEC',
    'PCS',
    '168.00',
    '10',
    { make: true },
  ],
  ['PKG-BOX-GIFT', '茶叶礼盒 空盒（双罐位）', 'Empty tea gift box (two tins)', 'TEA', 'PCS', '18.00', '20'],
  ['PKG-LINING', '礼盒绒布内衬', 'Velvet gift-box lining', 'TEA', 'PCS', '3.50', '50'],
  ['PKG-RIBBON', '红色缎带（按米）', 'Red satin ribbon (per metre)', 'TEA', 'M', '0.80', null],
  [
    'PKG-GIFT-SET',
    '礼盒包装组件（半成品）',
    'Gift-box packing set (semi-finished)',
    'TEA',
    'PCS',
    '32.00',
    null,
    { make: true },
  ],
  [
    'SRV-INSTALL',
    '上门安装服务',
    'On-site installation',
    'SERVICE',
    'H',
    '180.00',
    null,
    { kind: 'service', tax: 'VAT6-OUT' },
  ],
  [
    'SRV-SHIP',
    '运费（同城）',
    'Local delivery',
    'SERVICE',
    'PCS',
    '30.00',
    null,
    { kind: 'service', tax: 'VAT9-OUT' },
  ],
];

/** A 12-digit code with its EAN-13 check digit, so the demo barcodes scan like real ones. */
function ean13(first12: string): string {
  const sum = [...first12].reduce((acc, d, i) => acc + Number(d) * (i % 2 === 0 ? 1 : 3), 0);
  return `${first12}${(10 - (sum % 10)) % 10}`;
}

/** Units the demo needs besides the reference set: generic packagings, sized per product. */
async function ensurePackagingUnits(tx: Tx, companyId: string): Promise<void> {
  for (const [code, zh, en] of [
    ['BOX', '箱', 'Box'],
    ['CTN', '纸箱', 'Carton'],
  ])
    await tx.execute(
      sql`insert into platform_uom (company_id, id, code, name, category, factor)
          values (${companyId}, ${newId()}, ${code}, ${JSON.stringify({ 'zh-CN': zh, en })}::jsonb, 'packaging', 1)
          on conflict (company_id, code) do nothing`,
    );
  // A USD rate, so the USD price list can fall back to converted list prices.
  const rate = await one(
    tx,
    sql`select 1 from platform_exchange_rate where company_id = ${companyId} and currency_code = 'USD'`,
  );
  if (!rate)
    await tx.execute(
      sql`insert into platform_exchange_rate (company_id, id, currency_code, rate_date, rate)
          values (${companyId}, ${newId()}, 'USD', '2026-01-01', '7.1000')`,
    );
}

/** The demo company's catalog: 7 categories, 38 products (some with boxes), three price lists. */
export async function seedCatalogDemo(tx: Tx, ctx: DemoContext): Promise<void> {
  const loaded = await loadActor(tx, { userId: ctx.users.purchasing, companyId: ctx.companyId });
  if (!loaded) throw new Error('demo user purchasing missing');
  const actor = { ...loaded, reason: 'demo data' };
  await ensurePackagingUnits(tx, ctx.companyId);
  const categories: Record<string, string> = {};
  for (const [code, zh, en, parent] of CATEGORIES) {
    const input = CategoryInput.parse({
      code,
      name: { 'zh-CN': zh, en },
      parentId: parent ? categories[parent] : null,
    });
    categories[code] = (await createCategory(tx, actor, input)).id;
  }
  const products: Record<string, string> = {};
  for (const [i, [sku, zh, en, cat, uom, price, box, x = {}]] of PRODUCTS.entries()) {
    const input = ProductInput.parse({
      sku,
      name: { 'zh-CN': zh, en },
      categoryId: categories[cat],
      kind: x.kind ?? 'stocked',
      uomCode: uom,
      salePrice: price,
      taxCode: x.tax ?? 'VAT13-OUT',
      procureMethod: x.make ? 'make' : 'buy',
      lotTracked: x.lot ?? false,
      expiryTracked: x.expiry ?? false,
      weightKg: x.weight ?? null,
      barcode: x.kind === 'service' ? null : ean13(`69${String(1234500000 + i * 7919)}`),
      units: box ? [{ uomCode: 'BOX', factor: box }] : [],
    });
    products[sku] = (await createProduct(tx, actor, input)).id;
  }
  await createPriceList(
    tx,
    actor,
    PriceListInput.parse({
      code: 'WHOLESALE',
      name: { 'zh-CN': '批发价', en: 'Wholesale' },
      priority: 0,
      rules: [
        { categoryId: categories.OFFICE, minQty: '100', discountPercent: '5' },
        { categoryId: categories.ELEC, minQty: '1000', discountPercent: '8' },
      ],
    }),
  );
  await createPriceList(
    tx,
    actor,
    PriceListInput.parse({
      code: 'VIP',
      name: { 'zh-CN': 'VIP 客户价', en: 'VIP customers' },
      customerGroup: 'VIP',
      priority: 10,
      rules: [
        { productId: products['WRT-GEL-05'], minQty: '0', price: '2.20' },
        { productId: products['WRT-GEL-05'], minQty: '120', price: '2.00' },
        { productId: products['WRT-GEL-05'], minQty: '1200', price: '1.85' },
        { productId: products['PAP-A4-70'], minQty: '50', price: '19.80' },
        { categoryId: categories.TEA, minQty: '0', discountPercent: '10' },
        { minQty: '0', discountPercent: '3' },
      ],
    }),
  );
  await createPriceList(
    tx,
    actor,
    PriceListInput.parse({
      code: 'EXPORT-USD',
      name: { 'zh-CN': '出口美元价', en: 'Export (USD)' },
      currency: 'USD',
      rules: [
        { productId: products['TEA-LJ-250'], minQty: '0', price: '55.00' },
        { productId: products['TEA-TGY-250'], minQty: '0', price: '29.00' },
        { productId: products['TEA-PE-357'], minQty: '0', price: '38.00' },
        { productId: products['ELC-MCU-STM32'], minQty: '0', price: '1.25' },
        { productId: products['ELC-MCU-STM32'], minQty: '500', price: '1.10' },
      ],
    }),
  );
}
