import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { AppError } from '../errors.ts';
import { convert, type UnitLike } from './uom-convert.ts';

const pcs: UnitLike = { code: 'PCS', category: 'unit', factor: '1' };
const box: UnitLike = { code: 'BOX12', category: 'unit', factor: '12' };
const kg: UnitLike = { code: 'KG', category: 'weight', factor: '1' };
const g: UnitLike = { code: 'G', category: 'weight', factor: '0.001' };
const t: UnitLike = { code: 'T', category: 'weight', factor: '1000' };
const m: UnitLike = { code: 'M', category: 'length', factor: '1' };

describe('unit conversion', () => {
  test('converts through the reference unit of the category', () => {
    assert.equal(convert('3', box, pcs).toFixed(), '36');
    assert.equal(convert('36', pcs, box).toFixed(), '3');
    assert.equal(convert('1.5', kg, g).toFixed(), '1500');
    assert.equal(convert('2500', g, kg).toFixed(), '2.5');
    assert.equal(convert('0.25', t, g).toFixed(), '250000');
  });

  test('is exact where a float is not (0.1 + 0.2 style)', () => {
    assert.equal(convert('0.3', g, g).toFixed(), '0.3');
    assert.equal(
      convert('0.1', kg, g)
        .plus(convert('0.2', kg, g))
        .toFixed(),
      '300',
    );
    const tiny: UnitLike = { code: 'MG', category: 'weight', factor: '0.000001' };
    assert.equal(convert('1234567890.123456789', tiny, kg).toFixed(), '1234.567890123456789');
  });

  test('a non-terminating result keeps 40 significant digits for the caller to round', () => {
    const r = convert('1', pcs, box);
    assert.equal(r.toDecimalPlaces(6).toFixed(), '0.083333');
    assert.equal(r.times(12).toDecimalPlaces(20).toFixed(), '1');
  });

  test('the same unit answers the quantity unchanged, negative quantities convert too', () => {
    assert.equal(convert('7.125', box, box).toFixed(), '7.125');
    assert.equal(convert('-2', box, pcs).toFixed(), '-24');
    assert.equal(convert('0', kg, t).toFixed(), '0');
  });

  test('units of different categories are refused with 422 uom.category_mismatch', () => {
    assert.throws(
      () => convert('1', kg, m),
      (e: unknown) =>
        e instanceof AppError &&
        e.status === 422 &&
        e.code === 'uom.category_mismatch' &&
        e.details.fromCategory === 'weight' &&
        e.details.toCategory === 'length',
    );
    assert.throws(() => convert('1', pcs, g), /Cannot convert PCS \(unit\) to G \(weight\)/);
  });

  test('a zero factor is refused rather than dividing by zero', () => {
    const broken: UnitLike = { code: 'X', category: 'unit', factor: '0' };
    assert.throws(
      () => convert('1', pcs, broken),
      (e: unknown) => e instanceof AppError && e.status === 422,
    );
  });
});
