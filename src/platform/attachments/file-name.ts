// The uploaded name is metadata only (the storage key is the row id): it is cleaned so that it is
// safe to show, to put in a Content-Disposition header and to save on any desktop system.

export const FILE_NAME_MAX = 200;

// Names Windows refuses to create, whatever the extension.
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;

/** The last path segment, without control characters, characters Windows forbids, or leading dots. */
export function cleanFileName(raw: string): string {
  let name = raw.normalize('NFC');
  name = name.split(/[/\\]/).pop() ?? '';
  // Controls (NUL, CR, LF …) and invisible format characters such as the bidi overrides that
  // make `exe.pdf` out of `fdp.exe`.
  name = name.replace(/[\p{Cc}\p{Cf}]/gu, '');
  name = name.replace(/[<>:"|?*]/g, '_');
  name = name.replace(/^[\s.]+/, '').replace(/[\s.]+$/, '');
  if (RESERVED.test(name)) name = `_${name}`;
  if ([...name].length > FILE_NAME_MAX) {
    const dot = name.lastIndexOf('.');
    const ext = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : '';
    name = [...name.slice(0, name.length - ext.length)].slice(0, FILE_NAME_MAX - ext.length).join('') + ext;
  }
  return name;
}

/** The lower-cased final extension without the dot, or '' when there is none. */
export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

/**
 * `attachment; filename="ascii"; filename*=UTF-8''…` (RFC 6266 / 5987): the quoted fallback keeps
 * only safe ASCII, the encoded form carries the real name; neither can break out of the header.
 */
export function contentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
