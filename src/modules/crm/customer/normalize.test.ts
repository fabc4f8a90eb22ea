import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  isValidUscc,
  looksSimilar,
  nameKey,
  phoneKey,
  searchFields,
  searchQuery,
  toHalfWidth,
  usccCheckChar,
} from './normalize.ts';

test('full-width characters become half-width', () => {
  assert.equal(toHalfWidth('ＡＢＣ１２３，（）　x'), 'ABC123,() x');
});

test('name keys ignore width, case, spaces, punctuation and company-form suffixes', () => {
  const same = [
    ['上海星辰贸易有限公司', '上海星辰贸易公司'],
    ['上海星辰贸易有限公司', '上海星辰贸易股份有限公司'],
    ['上海星辰贸易有限责任公司', '上海 星辰 贸易'],
    ['深圳华南电子（集团）有限公司', '深圳华南电子集团'],
    ['ACME Trading Co., Ltd.', 'acme trading'],
    ['ACME Trading Inc.', 'ACME  TRADING'],
    ['Acme Trading LLC', 'acme-trading'],
    ['ＡＣＭＥ Ｔｒａｄｉｎｇ', 'Acme Trading Limited'],
    ['Müller GmbH', 'MÜLLER'],
  ];
  for (const [a, b] of same) assert.equal(nameKey(a), nameKey(b), `${a} = ${b}`);
  assert.equal(nameKey('上海星辰贸易有限公司'), '上海星辰贸易');
  assert.notEqual(nameKey('上海星辰贸易'), nameKey('北京星辰贸易'));
  assert.equal(nameKey('有限公司'), '有限公司', 'a name that is only a suffix is kept');
  assert.equal(nameKey('Cobalt'), 'cobalt', 'co is removed only as a separate word');
});

test('phone keys ignore country code, trunk prefix, spaces and dashes', () => {
  assert.equal(phoneKey('+86 138-0013-8000'), '13800138000');
  assert.equal(phoneKey('0086 13800138000'), '13800138000');
  assert.equal(phoneKey('138 0013 8000'), '13800138000');
  assert.equal(phoneKey('+86 21 6888 0000'), phoneKey('021-68880000'));
  assert.equal(phoneKey('（０２１）６８８８－００００'), '2168880000');
  assert.notEqual(phoneKey('13800138000'), phoneKey('13800138001'));
});

test('unified social credit codes are checked with their check character', () => {
  const valid = '91350100M000100Y43';
  assert.equal(usccCheckChar(valid.slice(0, 17)), '3');
  assert.equal(isValidUscc(valid), true);
  assert.equal(isValidUscc('91350100M000100Y44'), false, 'wrong check character');
  assert.equal(isValidUscc('91350100M000100Y4'), false, 'too short');
  assert.equal(isValidUscc('91350100M000100YI3'), false, 'I is not in the character set');
  assert.equal(isValidUscc('９１３５０１００Ｍ０００１００Ｙ４３'), true, 'full-width input is accepted');
});

test('fuzzy similarity flags near names and leaves different companies alone', () => {
  assert.equal(looksSimilar(nameKey('上海星辰贸易'), nameKey('上海星辰贸易发展')).similar, true);
  assert.equal(looksSimilar('acmetrading', 'acmetradings').similar, true);
  assert.equal(looksSimilar(nameKey('上海光明乳业'), nameKey('上海光明食品')).similar, false);
  assert.equal(looksSimilar(nameKey('北京星辰科技'), nameKey('上海星辰贸易')).similar, false);
  assert.equal(looksSimilar('abc', 'xyz').similar, false);
});

test('search matches pinyin, initials and two-character fragments', () => {
  const { text, grams } = searchFields('上海星辰贸易有限公司', ['C0001']);
  assert.ok(text.includes('xingchen'));
  assert.ok(text.includes('shxcmyyxgs'));
  for (const q of ['xc', '星辰', 'xingchen', 'C0001', 'c000']) {
    const { needle, grams: need } = searchQuery(q);
    assert.ok(text.includes(needle), q);
    assert.ok(
      need.every((g) => grams.includes(g)),
      `${q} grams are indexed`,
    );
  }
});
