import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cleanFileName, extensionOf, FILE_NAME_MAX } from './file-name.ts';

test('path parts are dropped: only the last segment is kept (SEC-FILE-01)', () => {
  assert.equal(cleanFileName('../../etc/passwd'), 'passwd');
  assert.equal(cleanFileName('..\\..\\win.ini'), 'win.ini');
  assert.equal(cleanFileName('/etc/passwd'), 'passwd');
  assert.equal(cleanFileName('..%2f..%2fapp.env'), '%2f..%2fapp.env');
  assert.equal(cleanFileName('../'), '');
});

test('control and invisible characters go, so do Windows-forbidden ones and reserved names (SEC-FILE-02)', () => {
  assert.equal(cleanFileName('a.pdf\u0000.html'), 'a.pdf.html');
  assert.equal(cleanFileName('a\r\nContent-Type: text_html.pdf'), 'aContent-Type_ text_html.pdf');
  assert.equal(cleanFileName('x".html'), 'x_.html');
  assert.equal(cleanFileName('invoice\u202Efdp.exe'), 'invoicefdp.exe');
  assert.equal(cleanFileName('CON'), '_CON');
  assert.equal(cleanFileName('lpt1.txt'), '_lpt1.txt');
  assert.equal(cleanFileName(' .hidden. '), 'hidden');
  assert.equal(cleanFileName('报价单.pdf'), '报价单.pdf');
});

test('long names are cut to 200 characters keeping the extension (SEC-FILE-04)', () => {
  const name = cleanFileName(`${'长'.repeat(300)}.xlsx`);
  assert.equal([...name].length, FILE_NAME_MAX);
  assert.ok(name.endsWith('长.xlsx'));
});

test('the extension is the last one, lower-cased', () => {
  assert.equal(extensionOf('a.pdf.HtMl'), 'html');
  assert.equal(extensionOf('a.SvG'), 'svg');
  assert.equal(extensionOf('passwd'), '');
  assert.equal(extensionOf('archive.tar.gz'), 'gz');
});
