// Must-show 5 of issue 7: one inconsistency of each kind is planted in a fresh company (through the API
// where it accepts it, raw SQL where a service would refuse) and every one is found, pointing at the
// right record — and nothing else is. Then resolve, ignore and the automatic resolution across runs.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import type { Client } from '../../../../test/kit/index.ts';
import { describeDb, newCompany, signedIn, type TestCompany } from '../../../../test/kit/index.ts';
import { one, withTransaction } from '../../../platform/db/tx.ts';
import { newId } from '../../../platform/ids.ts';
import { isValidUscc } from '../../crm/index.ts';
import { defaultWarehouse } from '../../inventory/index.ts';
import { addStock, makeCustomer, makeProduct, ok } from '../../sales/fixtures.ts';
import { qualityRunsSettled } from './run-checks.ts';

let seq = 0;
/** A valid 统一社会信用代码: 17 characters and the one check character that makes it valid. */
function uscc(): string {
  const body = `91310000${String(Date.now() % 1e6).padStart(6, '0')}${String(seq++ % 1000).padStart(3, '0')}`;
  for (const c of '0123456789ABCDEFGHJKLMNPQRTUWXY') if (isValidUscc(body + c)) return body + c;
  throw new Error('no check character');
}
const unique = () => `${Date.now().toString(36)}${(seq++).toString(36)}`;

describeDb('data-quality checks', (ctx) => {
  let company: TestCompany;
  let admin: Client;
  const planted: Record<string, { check: string; recordId: string }> = {};
  let balanceId: string;

  async function run(): Promise<any> {
    const queued = ok(await admin.post('/api/v1/data-quality/runs', {}), 202, 'POST /data-quality/runs');
    await qualityRunsSettled();
    const done = ok(await admin.get(`/api/v1/data-quality/runs/${queued.id}`));
    assert.equal(done.state, 'done', JSON.stringify(done));
    assert.equal(done.progress, 100);
    assert.equal(done.checksDone, done.checksTotal);
    assert.equal(done.error, null);
    return done;
  }
  async function findings(query = ''): Promise<any[]> {
    const out: any[] = [];
    let cursor: string | null = null;
    do {
      const page: any = ok(
        await admin.get(`/api/v1/data-quality/findings?limit=5${query}${cursor ? `&cursor=${cursor}` : ''}`),
      );
      out.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return out;
  }
  const findingOf = async (key: string) => {
    const p = planted[key];
    const list = await findings(`&check=${p.check}`);
    return list.find((f) => f.recordId === p.recordId);
  };

  before(async () => {
    company = await newCompany(ctx.db);
    admin = await signedIn(ctx.db, company.admin);
    const wh = await withTransaction(ctx.db, (tx) => defaultWarehouse(tx, company.id));
    const customer = (fields: Record<string, unknown>) => makeCustomer(admin, { taxId: uscc(), ...fields });
    // Duplicate customers: the same name once the company form is dropped.
    const acme = await customer({ name: `Acme ${unique()} Trading Co., Ltd.` });
    const acme2 = await customer({ name: `${acme.name.replace(' Co., Ltd.', '')} Ltd` });
    planted.duplicateCustomer = { check: 'crm.duplicate_customer', recordId: acme2.id };
    // Duplicate contacts: the same person twice at one customer.
    const contact = {
      customerId: acme.id,
      name: 'Wang Wei',
      phones: ['+86 138 0013 8000'],
      ignoreDuplicates: true,
    };
    ok(await admin.post('/api/v1/contacts', contact), 201, 'first contact');
    const again = ok(
      await admin.post('/api/v1/contacts', { ...contact, phones: ['13800138000'] }),
      201,
      'second contact',
    );
    planted.duplicateContact = { check: 'crm.duplicate_contact', recordId: again.id };
    // Duplicate products: one barcode written with and without its leading zero.
    const consumable = (fields: Record<string, unknown>) =>
      makeProduct(admin, { kind: 'consumable', name: { en: `Part ${unique()}` }, ...fields });
    await consumable({ barcode: '06901234567892' });
    const dupProduct = await consumable({ barcode: '6901234567892' });
    planted.duplicateProduct = { check: 'catalog.duplicate_product', recordId: dupProduct.id };
    // Stocked goods with a cost (their stock came in at 5.00 each).
    const goods = await makeProduct(admin, { name: { en: `Goods ${unique()}` } });
    await addStock(admin, wh.id, goods.id, '100');
    // An order marked delivered with nothing shipped; another invoiced before anything was delivered.
    const buyer = await customer({ name: `Buyer ${unique()}` });
    const order = async () => {
      const o = ok(
        await admin.post('/api/v1/sales-orders', {
          customerId: buyer.id,
          lines: [{ productId: goods.id, qty: '2' }],
        }),
        201,
        'POST /sales-orders',
      );
      return ok(await admin.post(`/api/v1/sales-orders/${o.id}/confirm`, { version: o.version }));
    };
    const delivered = await order();
    await ctx.db.orm.execute(
      sql`update sales_order set state = 'delivered' where company_id = ${company.id} and id = ${delivered.id}`,
    );
    planted.orderState = { check: 'sales.order_state', recordId: delivered.id };
    const invoiced = await order();
    await ctx.db.orm.execute(
      sql`update sales_order_line set qty_invoiced = 2 where company_id = ${company.id} and order_id = ${invoiced.id}`,
    );
    planted.orderInvoiced = { check: 'sales.order_state', recordId: invoiced.id };
    // A balance changed behind the moves' back.
    const counted = await makeProduct(admin, { name: { en: `Counted ${unique()}` } });
    await addStock(admin, wh.id, counted.id, '10');
    const balance = await one<{ id: string }>(
      ctx.db.orm,
      sql`update inventory_balance set on_hand = on_hand + 5
           where company_id = ${company.id} and product_id = ${counted.id} returning id`,
    );
    balanceId = balance!.id;
    planted.stockBalance = { check: 'inventory.stock_balance', recordId: balanceId };
    // A company customer without a tax id (the default settings require one).
    const noTax = await makeCustomer(admin, { name: `No tax ${unique()}` });
    planted.requiredField = { check: 'crm.customer_required_fields', recordId: noTax.id };
    // An industry code no dictionary entry defines (the API refuses it; an old import might not have).
    const odd = await customer({ name: `Odd industry ${unique()}` });
    await ctx.db.orm.execute(
      sql`update crm_customer set industry_code = 'no_such_industry' where company_id = ${company.id} and id = ${odd.id}`,
    );
    planted.dictionary = { check: 'platform.undefined_dictionary_value', recordId: odd.id };
    // Stocked goods nothing gives a cost; a product without a tax code.
    const noCost = await makeProduct(admin, { name: { en: `No cost ${unique()}` } });
    planted.noCost = { check: 'catalog.product_without_cost', recordId: noCost.id };
    const noTaxCode = await consumable({ taxCode: null });
    planted.noTaxCode = { check: 'catalog.product_without_tax', recordId: noTaxCode.id };
    // An event the dispatcher never delivered, an hour old.
    const eventId = newId();
    await ctx.db.orm.execute(
      sql`insert into platform_event (company_id, id, type, aggregate_type, aggregate_id, payload, created_at)
          values (${company.id}, ${eventId}, 'test.planted', 'test', ${eventId}, '{}'::jsonb, now() - interval '1 hour')`,
    );
    planted.stuckEvent = { check: 'platform.stuck_event', recordId: eventId };
  });

  test('a run finds every planted inconsistency, on the right record, and nothing else', async () => {
    const done = await run();
    const open = await findings('&status=open');
    const expected = Object.values(planted)
      .map((p) => `${p.check} ${p.recordId}`)
      .sort();
    assert.deepEqual(open.map((f) => `${f.checkKey} ${f.recordId}`).sort(), expected);
    assert.equal(done.newCount, expected.length);
    const checks = ok(await admin.get('/api/v1/data-quality/checks')).items;
    const kinds = new Set(Object.values(planted).map((p) => p.check));
    for (const key of kinds) assert.ok(checks.find((c: any) => c.key === key).counts.open >= 1, key);
    // Each finding links to its record's page.
    assert.equal(
      (await findingOf('duplicateCustomer')).webPath,
      `/crm/customers/${planted.duplicateCustomer.recordId}`,
    );
    assert.equal((await findingOf('orderState')).webPath, `/sales/orders/${planted.orderState.recordId}`);
    assert.equal((await findingOf('orderState')).details.problem, 'delivered_with_open_quantity');
    assert.equal((await findingOf('orderInvoiced')).details.problem, 'invoiced_more_than_delivered');
    assert.match((await findingOf('stockBalance')).webPath, /^\/inventory\/products\//);
    assert.equal((await findingOf('requiredField')).details.field, 'taxId');
    assert.equal((await findingOf('dictionary')).details.code, 'no_such_industry');
  });

  test('resolve, ignore and the next run: still there reopens or stays ignored, gone resolves itself', async () => {
    const ignored = await findingOf('requiredField');
    const ig = ok(
      await admin.post(`/api/v1/data-quality/findings/${ignored.id}/ignore`, { note: 'private person' }),
    );
    assert.equal(ig.status, 'ignored');
    assert.equal(ig.note, 'private person');
    assert.equal(ig.resolvedBy, company.admin.id);
    const again = await admin.post(`/api/v1/data-quality/findings/${ignored.id}/ignore`, { note: '' });
    assert.equal(again.status, 422);
    const resolved = await findingOf('noTaxCode');
    ok(await admin.post(`/api/v1/data-quality/findings/${resolved.id}/resolve`, { note: 'fixed, I think' }));
    const audit = await one<{ n: number }>(
      ctx.db.orm,
      sql`select count(*)::int as n from platform_audit_log where company_id = ${company.id}
           and entity = 'integration.quality_finding' and entity_id in (${ignored.id}, ${resolved.id})`,
    );
    assert.equal(audit!.n, 2);
    // Put the balance back in line with its moves.
    await ctx.db.orm.execute(
      sql`update inventory_balance set on_hand = on_hand - 5 where company_id = ${company.id} and id = ${balanceId}`,
    );
    const before = await findingOf('stockBalance');
    const second = await run();
    assert.equal(second.resolvedCount, 1);
    assert.equal(second.newCount, 1); // the product "resolved" by hand still has no tax code
    const stock = await findingOf('stockBalance');
    assert.equal(stock.id, before.id);
    assert.equal(stock.status, 'resolved');
    assert.equal(stock.resolvedBy, null);
    const stillIgnored = await findingOf('requiredField');
    assert.equal(stillIgnored.status, 'ignored');
    assert.ok(stillIgnored.lastSeenAt > ignored.lastSeenAt);
    assert.equal((await findingOf('noTaxCode')).status, 'open');
    // The ignored customer gets its tax id: the ignored finding is resolved by the next run.
    await ctx.db.orm.execute(
      sql`update crm_customer set tax_id = ${uscc()} where company_id = ${company.id} and id = ${planted.requiredField.recordId}`,
    );
    await run();
    const gone = await findingOf('requiredField');
    assert.equal(gone.status, 'resolved');
    assert.equal(gone.note, 'private person');
  });

  test('the company setting decides which customer fields are required', async () => {
    const settings = ok(await admin.get('/api/v1/company/settings'));
    ok(
      await admin.patch('/api/v1/company/settings/quality', {
        version: settings.version,
        values: { requireCompanyTaxId: false, requireCustomerIndustry: true },
      }),
    );
    await run();
    const list = await findings('&check=crm.customer_required_fields&status=open');
    assert.ok(list.length > 0);
    assert.ok(
      list.every((f) => f.details.field === 'industry'),
      JSON.stringify(list.map((f) => f.details)),
    );
  });
});
