/**
 * RFC 4180 CSV. Cells that a spreadsheet would run as a formula (=, +, -, @ first) are prefixed
 * with a quote mark so a downloaded table can never execute anything.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  const cell = (value: string | number | null | undefined): string => {
    if (value === null || value === undefined) return '';
    let text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : value;
    if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
    return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return [header, ...rows].map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}

/**
 * The byte-order mark a CSV file starts with, so spreadsheet apps (Excel on Windows in particular)
 * read it as UTF-8 and show Chinese text instead of mojibake.
 */
export const CSV_BOM = '\uFEFF';

/** A downloadable CSV file: the BOM, then the text, as UTF-8. */
export function csvBlob(csv: string): Blob {
  return new Blob([CSV_BOM, csv], { type: 'text/csv;charset=utf-8' });
}
