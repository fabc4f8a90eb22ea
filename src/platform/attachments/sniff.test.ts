import assert from 'node:assert/strict';
import { test } from 'node:test';
import ExcelJS from 'exceljs';
import { contentDisposition } from './file-name.ts';
import { MAX_EXPANDED_BYTES, sniff } from './sniff.ts';

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
const PDF = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

/** A stored (uncompressed) zip; `declared` overrides the uncompressed size the directory claims. */
function zipOf(entries: Array<{ name: string; data?: string; declared?: number }>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const data = Buffer.from(e.data ?? '');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(e.declared ?? data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += 30 + name.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const docx = (extra: Array<{ name: string; data?: string; declared?: number }> = []) =>
  zipOf([
    { name: '[Content_Types].xml', data: '<Types/>' },
    { name: 'word/document.xml', data: '<w/>' },
    ...extra,
  ]);

test('images and PDFs are recognised by their magic bytes', () => {
  assert.equal(sniff(PNG), 'png');
  assert.equal(sniff(Buffer.from('ffd8ffe000104a464946', 'hex')), 'jpeg');
  assert.equal(sniff(Buffer.from('GIF89a\x01\x00\x01\x00')), 'gif');
  assert.equal(sniff(PDF), 'pdf');
});

test('a real xlsx is an office file; a plain zip, a macro file, zip-slip and zip bombs are not (SEC-FILE-05)', async () => {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Sheet').addRow(['a', 1]);
  assert.equal(sniff(Buffer.from(await workbook.xlsx.writeBuffer())), 'xlsx');
  assert.equal(sniff(docx()), 'docx');
  assert.equal(sniff(zipOf([{ name: 'readme.txt', data: 'hi' }])), null);
  assert.equal(sniff(docx([{ name: 'word/vbaProject.bin' }])), null);
  assert.equal(sniff(docx([{ name: '../../evil.sh' }])), null);
  assert.equal(sniff(docx([{ name: '/etc/passwd' }])), null);
  assert.equal(sniff(docx([{ name: 'word\\..\\x' }])), null);
  assert.equal(sniff(docx([{ name: 'word/bomb.xml', declared: MAX_EXPANDED_BYTES + 1 }])), null);
  assert.equal(sniff(docx().subarray(0, 40)), null, 'a truncated zip');
});

test('UTF-8 text and CSV are text; binary, markup and other encodings are not', () => {
  assert.equal(sniff(Buffer.from('name,amount\n星辰,12.50\r\n')), 'text');
  assert.equal(sniff(Buffer.from('\uFEFFa\tb\n')), 'text');
  assert.equal(sniff(Buffer.from('a\u0000b')), null);
  assert.equal(sniff(Buffer.from([0xc3, 0x28])), null, 'invalid UTF-8');
  assert.equal(sniff(Buffer.from('  <!DOCTYPE html><p>hi')), null);
  assert.equal(sniff(Buffer.from('<svg onload=alert(1)>')), null);
  assert.equal(sniff(Buffer.from('hello\n<script>alert(1)</script>')), null);
  assert.equal(sniff(Buffer.from('<?xml version="1.0"?>')), null);
  assert.equal(sniff(Buffer.alloc(0)), null);
});

test('Content-Disposition carries any name without breaking out of the header (SEC-FILE-03)', () => {
  const header = contentDisposition('报价 "v2"\'(final).pdf');
  assert.equal(
    header,
    `attachment; filename="__ _v2_'(final).pdf"; filename*=UTF-8''%E6%8A%A5%E4%BB%B7%20%22v2%22%27%28final%29.pdf`,
  );
  assert.doesNotMatch(contentDisposition('a\r\nb.pdf'), /[\r\n]/);
});
