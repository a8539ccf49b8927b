import type { FastifyReply } from 'fastify';

// Downloads of public lists: the same answer as JSON (as a file) or as CSV, one row per item.

export type CsvValue = string | number | boolean | null | undefined;
export type CsvColumns<T> = Record<string, (item: T) => CsvValue>;

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, quote or line break. A text that a
 * spreadsheet would run as a formula (=, +, -, @ first) gets a leading apostrophe.
 */
export function csvField(value: CsvValue): string {
  if (value == null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv<T>(items: readonly T[], columns: CsvColumns<T>): string {
  const header = Object.keys(columns).map(csvField).join(',');
  const lines = items.map((item) =>
    Object.values(columns)
      .map((pick) => csvField(pick(item)))
      .join(','),
  );
  // A byte-order mark, so spreadsheets read the Chinese and other non-Latin names as UTF-8.
  return `\uFEFF${[header, ...lines].join('\r\n')}\r\n`;
}

/** Sends `body` as JSON, as a JSON file, or its `items` as a CSV file, by `?format=`. */
export function presentList<B extends object, T>(
  reply: FastifyReply,
  format: 'json' | 'csv' | undefined,
  body: B,
  download: { name: string; items: readonly T[]; columns: CsvColumns<T> },
) {
  if (format === 'csv') {
    reply.header('content-disposition', `attachment; filename="${download.name}.csv"`);
    // A string is sent as it is: the JSON schema of the route does not apply to the file.
    reply.type('text/csv; charset=utf-8').send(toCsv(download.items, download.columns));
    return reply as unknown as B;
  }
  if (format === 'json') reply.header('content-disposition', `attachment; filename="${download.name}.json"`);
  return body;
}
