import fs from 'node:fs';
import { createGunzip } from 'node:zlib';

/**
 * The uncompressed lines of a backup file as raw bytes (without the newline), so the checksum covers
 * exactly what was written. `onBytes` gets the compressed bytes read so far (progress by file size).
 * A damaged or truncated gzip stream throws from the iteration.
 */
export async function* backupLines(
  file: string,
  onBytes: (read: number) => void = () => {},
): AsyncGenerator<Buffer> {
  const source = fs.createReadStream(file);
  let read = 0;
  source.on('data', (chunk) => {
    read += chunk.length;
    onBytes(read);
  });
  const gunzip = createGunzip();
  source.on('error', (error) => gunzip.destroy(error));
  source.pipe(gunzip);
  let rest: Buffer = Buffer.alloc(0);
  try {
    for await (const chunk of gunzip as AsyncIterable<Buffer>) {
      let data = rest.length ? Buffer.concat([rest, chunk]) : chunk;
      for (let nl = data.indexOf(10); nl >= 0; nl = data.indexOf(10)) {
        yield data.subarray(0, nl);
        data = data.subarray(nl + 1);
      }
      rest = Buffer.from(data);
    }
  } finally {
    source.destroy();
    gunzip.destroy();
  }
  if (rest.length) yield rest;
}

/** The header line alone (the first line), read without going through the rest of the file. */
export async function firstLine(file: string): Promise<string | undefined> {
  for await (const line of backupLines(file)) return line.toString('utf8');
  return undefined;
}
