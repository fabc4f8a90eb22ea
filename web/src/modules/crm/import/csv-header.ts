/**
 * The header row of a CSV file, read in the browser for the mapping step (the server parses the
 * whole file with a real CSV parser). Handles quotes, doubled quotes, a BOM, `,` `;` or tab.
 */
export function parseCsvHeader(text: string): string[] {
  const source = text.replace(/^\uFEFF/, '');
  const firstLineEnd = source.search(/\r?\n/);
  const probe = firstLineEnd === -1 ? source : source.slice(0, firstLineEnd);
  const delimiter = [',', ';', '\t'].reduce(
    (best, d) => (probe.split(d).length > probe.split(best).length ? d : best),
    ',',
  );
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (quoted) {
      if (ch === '"' && source[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === delimiter) {
      cells.push(cell.trim());
      cell = '';
    } else if (ch === '\n' || ch === '\r') break;
    else cell += ch;
  }
  cells.push(cell.trim());
  return cells.filter((header, i) => header !== '' || i < cells.length - 1);
}

const normal = (text: string) => text.toLowerCase().replace(/[\s_\-()（）]/g, '');

/** Best guess of a file header's column: its key or one of its labels, ignoring case and spacing. */
export function guessColumn(
  header: string,
  columns: { key: string; label: Record<string, string> }[],
): string {
  const target = normal(header);
  const found = columns.find((column) =>
    [column.key, ...Object.values(column.label)].some((name) => normal(name) === target),
  );
  return found?.key ?? '';
}
