import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { AppError } from '../errors.ts';
import { resolveMapping } from './mapping.ts';
import type { ImportColumn } from './registry.ts';

const columns: ImportColumn[] = [
  { key: 'email', label: { 'zh-CN': '邮箱', en: 'Email' }, required: true, example: '' },
  { key: 'name', label: { 'zh-CN': '姓名', en: 'Name' }, required: true, example: '' },
  { key: 'note', label: { 'zh-CN': '备注', en: 'Note' }, required: false, example: '' },
];

function code(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof AppError);
    assert.equal(error.status, 400);
    return error.code;
  }
  assert.fail('expected an error');
}

describe('column mapping', () => {
  test('headers match keys and either label, case and BOM aside; unknown headers are ignored', () => {
    const r = resolveMapping(columns, ['\uFEFF邮箱', ' NAME* ', 'Shoe size'], undefined);
    assert.deepEqual(
      [...r.indexByKey],
      [
        ['email', 0],
        ['name', 1],
      ],
    );
    assert.deepEqual(r.mapping, { '\uFEFF邮箱': 'email', ' NAME* ': 'name' });
  });

  test('a missing required column is refused before any row is read', () => {
    assert.equal(
      code(() => resolveMapping(columns, ['Email', 'Note'], undefined)),
      'import.missing_columns',
    );
  });

  test('two headers for one column are ambiguous', () => {
    assert.equal(
      code(() => resolveMapping(columns, ['Email', '邮箱', 'Name'], undefined)),
      'import.duplicate_header',
    );
  });

  test('an explicit mapping is taken exactly; it can only name declared columns and existing headers', () => {
    const r = resolveMapping(columns, ['E-Mail Address', 'Full name', 'Email'], {
      'E-Mail Address': 'email',
      'Full name': 'name',
      Email: '',
    });
    assert.deepEqual(
      [...r.indexByKey],
      [
        ['email', 0],
        ['name', 1],
      ],
    );
    assert.equal(
      code(() => resolveMapping(columns, ['A', 'B'], { A: 'email', B: 'companyId' })),
      'import.unknown_column',
    );
    assert.equal(
      code(() => resolveMapping(columns, ['A', 'B'], { A: 'email', C: 'name' })),
      'import.unknown_header',
    );
    assert.equal(
      code(() => resolveMapping(columns, ['A', 'B'], { A: 'email', B: 'email' })),
      'import.duplicate_mapping',
    );
  });

  test('a header named __proto__ stays plain data', () => {
    const r = resolveMapping(
      columns,
      ['__proto__', 'Name'],
      JSON.parse('{"__proto__":"email","Name":"name"}'),
    );
    assert.equal(Object.getPrototypeOf(r.mapping), Object.prototype);
    assert.equal(Object.getOwnPropertyDescriptor(r.mapping, '__proto__')?.value, 'email');
  });
});
