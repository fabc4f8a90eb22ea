import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isBroadSearch } from './list-customers.ts';

test('a broad search term looks at the newest customers first; a selective one goes to the index', () => {
  for (const q of ['星辰', ' 远航 ', 'xc', 'xingchen', 'Xing Chen']) assert.equal(isBroadSearch(q), true, q);
  for (const q of ['星辰贸易', '海天永安', 'C000123', '13800138000', '+86 138-0013-8000', '91310000MA1'])
    assert.equal(isBroadSearch(q), false, q);
});
