// Test data only: catalog records through catalog's own HTTP API (what a user does), for catalog tests.
import assert from 'node:assert/strict';
import type { Client } from '../../../test/kit/index.ts';

let n = 0;

/** A generic packaging unit (BOX, CTN …) in its own category: only a product's packaging sizes it. */
export async function packagingUnit(client: Client, code = 'BOX'): Promise<void> {
  const res = await client.post('/api/v1/units', {
    code,
    name: { en: code },
    category: 'packaging',
    factor: '1',
  });
  assert.equal(res.status, 201, JSON.stringify(res.body));
}

export async function product(client: Client, body: Record<string, unknown> = {}) {
  n++;
  const res = await client.post('/api/v1/products', {
    sku: `T-${process.pid}-${n}`,
    name: { en: `Test product ${n}` },
    uomCode: 'PCS',
    ...body,
  });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body as { id: string; sku: string; version: number } & Record<string, any>;
}

export async function category(client: Client, body: Record<string, unknown> = {}) {
  n++;
  const res = await client.post('/api/v1/product-categories', {
    code: `CAT${process.pid}-${n}`,
    name: { en: `Category ${n}` },
    ...body,
  });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body as { id: string; code: string; version: number };
}
