import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  assertNoCycle,
  assertSubstitutes,
  bomTransition,
  componentsPerUnit,
  plain,
  qtyPerUnit,
  windowsOverlap,
} from './bom.ts';

test('qty per unit: qty × (1 + scrap %) / output qty, as a plain decimal', () => {
  assert.equal(plain(qtyPerUnit({ qty: '2', scrapPct: '10' }, '1')), '2.2');
  assert.equal(plain(qtyPerUnit({ qty: '3', scrapPct: '0' }, '2')), '1.5');
  assert.equal(plain(qtyPerUnit({ qty: '1', scrapPct: '0' }, '3')), '0.3333333333');
  const per = componentsPerUnit(
    [
      { componentId: 'a', qty: '1', scrapPct: '0', substitute: false },
      { componentId: 'a', qty: '1', scrapPct: '50', substitute: false },
      { componentId: 'b', qty: '9', scrapPct: '0', substitute: true },
    ],
    '2',
  );
  assert.deepEqual(
    [...per].map(([k, v]) => [k, plain(v)]),
    [['a', '1.25']],
  );
});

test('validity windows overlap unless one ends before the other starts (null = open)', () => {
  const w = (validFrom: string | null, validTo: string | null) => ({ validFrom, validTo });
  assert.equal(windowsOverlap(w(null, null), w('2030-01-01', null)), true);
  assert.equal(windowsOverlap(w(null, '2029-12-31'), w('2030-01-01', null)), false);
  assert.equal(windowsOverlap(w('2030-01-01', '2030-01-31'), w('2030-01-31', null)), true);
});

test('cycles are found through the levels, with the path', async () => {
  const graph: Record<string, string[]> = { b: ['c'], c: ['d'], d: ['a'] };
  const children = async (ids: string[]) => new Map(ids.map((id) => [id, graph[id] ?? []]));
  await assert.rejects(assertNoCycle('a', ['b'], children), (e: any) => {
    assert.equal(e.code, 'manufacturing.bom_cycle');
    assert.deepEqual(e.details.path, ['a', 'b', 'c', 'd', 'a']);
    return true;
  });
  await assertNoCycle('x', ['b'], async (ids) => new Map(ids.map((id) => [id, id === 'b' ? ['c'] : []])));
});

test('substitutes replace a main line of another product; states move as the table says', () => {
  assert.throws(
    () => assertSubstitutes([{ position: 1, componentId: 'a', substituteOfPosition: 2 }]),
    /substitute/,
  );
  assert.throws(
    () =>
      assertSubstitutes([
        { position: 1, componentId: 'a' },
        { position: 2, componentId: 'a', substituteOfPosition: 1 },
      ]),
    /another product/,
  );
  assert.equal(bomTransition('draft', 'activate'), 'active');
  assert.throws(() => bomTransition('active', 'edit'), /cannot edit/);
});
