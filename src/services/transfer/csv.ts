import type { z } from 'zod';

/**
 * CSV for one registry resource: one column per field of the record, in the record's order.
 * Empty cell = null; arrays and objects (sampleTypes, participants) are JSON in the cell.
 * RFC 4180 quoting; CRLF line ends; reading also accepts LF and a leading byte-order mark.
 */
type Row = Record<string, unknown>;
type CellKind = 'number' | 'json' | 'text';

/** What kind of value a field of the record schema holds, looking through nullable/optional. */
function cellKind(schema: z.ZodType | undefined): CellKind {
  let def = (schema as { def?: { type: string; innerType?: z.ZodType } } | undefined)?.def;
  while (def && ['nullable', 'optional', 'default', 'readonly'].includes(def.type) && def.innerType) {
    def = (def.innerType as unknown as { def: typeof def }).def;
  }
  if (def?.type === 'number' || def?.type === 'int') return 'number';
  if (def?.type === 'array' || def?.type === 'object' || def?.type === 'record') return 'json';
  return 'text';
}

function quote(cell: string): string {
  return /[",\r\n]/.test(cell) || cell !== cell.trim() ? `"${cell.replaceAll('"', '""')}"` : cell;
}

function encodeCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** Columns of a resource's CSV: its id first, then the record's fields in order. */
export function csvColumns(record: z.ZodObject, idField: string): string[] {
  const fields = Object.keys(record.shape);
  return fields.includes(idField) ? [idField, ...fields.filter((f) => f !== idField)] : fields;
}

export function toCsv(record: z.ZodObject, idField: string, rows: Row[]): string {
  const columns = csvColumns(record, idField);
  const lines = [columns.map(quote).join(',')];
  for (const row of rows) lines.push(columns.map((c) => quote(encodeCell(row[c]))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/** Splits CSV text into rows of cells. Throws on an unterminated quoted cell. */
export function parseCsvCells(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (quoted) throw new Error('the file ends inside a quoted cell');
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows.filter((r) => !(r.length === 1 && r[0] === ''));
}

/** Reads CSV written by toCsv back into records, typed by the record schema. */
export function fromCsv(record: z.ZodObject, text: string): Row[] {
  const [header, ...body] = parseCsvCells(text);
  if (!header) return [];
  const shape = record.shape as Record<string, z.ZodType>;
  const unknown = header.filter((h) => !(h in shape));
  if (unknown.length > 0) throw new Error(`unknown column(s): ${unknown.join(', ')}`);
  return body.map((cells, r) => {
    if (cells.length !== header.length) {
      throw new Error(`line ${r + 2} has ${cells.length} cells; the header has ${header.length}`);
    }
    const row: Row = {};
    header.forEach((column, c) => {
      const cell = cells[c] ?? '';
      const kind = cellKind(shape[column]);
      if (cell === '') row[column] = kind === 'json' ? [] : null;
      else if (kind === 'number') {
        const n = Number(cell);
        row[column] = Number.isFinite(n) ? n : cell;
      } else if (kind === 'json') {
        try {
          row[column] = JSON.parse(cell);
        } catch {
          throw new Error(`line ${r + 2}, column ${column}: not valid JSON`);
        }
      } else row[column] = cell;
    });
    return row;
  });
}
