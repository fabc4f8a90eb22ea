import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { describeDb } from '../../../../test/kit/index.ts';
import { rows } from '../../../platform/db/tx.ts';
import { seedDemo } from '../../../platform/demo/seed.ts';
import { checkStockConsistency } from '../../inventory/index.ts';

describeDb('purchasing and manufacturing demo data', (ctx) => {
  // The whole demo (as `npm run seed:demo`): both seeders need catalog's, crm's and inventory's data.
  test('suppliers, prices, POs in every state, active 2-level BOMs, production orders in every state', async () => {
    const { companyId } = await seedDemo(ctx.db);
    const count = async (q: ReturnType<typeof sql>) => (await rows(ctx.db.orm, q)).length;
    assert.equal(await count(sql`select 1 from purchasing_supplier where company_id = ${companyId}`), 5);
    // The accounting demo's partners are reused (no second party of the same name); one crm customer supplies too.
    assert.equal(
      await count(sql`select 1 from purchasing_supplier s join crm_customer c on c.company_id = s.company_id
                       and c.id = s.party_id where s.company_id = ${companyId}
                       and c.name in ('深圳市华强辉煌电子有限公司', '东莞市恒丰包装材料有限公司')`),
      2,
    );
    assert.equal(
      await count(
        sql`select 1 from crm_customer where company_id = ${companyId} and name = '深圳市华强辉煌电子有限公司'`,
      ),
      1,
    );
    assert.equal(
      await count(
        sql`select 1 from purchasing_supplier where company_id = ${companyId} and notes like '客户兼供应商%'`,
      ),
      1,
    );
    assert.equal(
      await count(sql`select 1 from purchasing_supplier_price where company_id = ${companyId}`),
      17,
    );
    const states = await rows<{ state: string }>(
      ctx.db.orm,
      sql`select state from purchasing_order where company_id = ${companyId} order by state`,
    );
    assert.deepEqual(
      states.map((s) => s.state),
      ['billed', 'confirmed', 'draft', 'partly_received', 'sent'],
    );
    const boms = await rows<{ sku: string; lines: number }>(
      ctx.db.orm,
      sql`select p.sku, (select count(*)::int from manufacturing_bom_line l where l.company_id = b.company_id
                         and l.bom_id = b.id) as lines
            from manufacturing_bom b join catalog_product p on p.company_id = b.company_id and p.id = b.product_id
           where b.company_id = ${companyId} and b.state = 'active' order by p.sku`,
    );
    assert.deepEqual(
      boms.map((b) => [b.sku, b.lines]),
      [
        ['KIT-PCBA-4CH', 4],
        ['KIT-RELAY-4CH', 5],
        ['PKG-GIFT-SET', 3],
        ['TEA-GIFT', 3],
      ],
    );
    const orders = await rows<{ sku: string; state: string; qty_produced: string }>(
      ctx.db.orm,
      sql`select p.sku, o.state, o.qty_produced::text as qty_produced from manufacturing_production_order o
            join catalog_product p on p.company_id = o.company_id and p.id = o.product_id
           where o.company_id = ${companyId} order by p.sku, o.state`,
    );
    assert.deepEqual(
      orders.map((o) => [o.sku, o.state, o.qty_produced]),
      [
        ['KIT-PCBA-4CH', 'in_progress', '20.0000'],
        ['KIT-RELAY-4CH', 'draft', '0.0000'],
        ['KIT-RELAY-4CH', 'planned', '0.0000'],
        ['PKG-GIFT-SET', 'done', '30.0000'],
        ['TEA-GIFT', 'done', '10.0000'],
      ],
    );
    assert.deepEqual(await checkStockConsistency(ctx.db.orm, companyId), []);
  });
});
