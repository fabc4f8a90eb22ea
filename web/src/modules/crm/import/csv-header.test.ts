import assert from 'node:assert/strict';
import { test } from 'node:test';
import { guessColumn, parseCsvHeader } from './csv-header.ts';

test('the header row of a CSV: quotes, a BOM, other delimiters', () => {
  assert.deepEqual(parseCsvHeader('\uFEFFName,"City, district","Say ""hi"""\r\nA,B,C'), [
    'Name',
    'City, district',
    'Say "hi"',
  ]);
  assert.deepEqual(parseCsvHeader('客户名称;电话\n星辰;138'), ['客户名称', '电话']);
  assert.deepEqual(parseCsvHeader('a\tb'), ['a', 'b']);
});

test('a file header maps to the column whose key or label it is', () => {
  const columns = [
    { key: 'name', label: { 'zh-CN': '客户名称', en: 'Name' } },
    { key: 'contactPhone', label: { 'zh-CN': '联系电话', en: 'Contact phone' } },
  ];
  assert.equal(guessColumn('客户名称', columns), 'name');
  assert.equal(guessColumn('contact_phone', columns), 'contactPhone');
  assert.equal(guessColumn('Contact Phone', columns), 'contactPhone');
  assert.equal(guessColumn('Fax', columns), '');
});
