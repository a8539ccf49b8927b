import { type ReactNode, useMemo, useState } from 'react';
import { TableScroll } from '../components/TableScroll.js';
import { currentLocale } from '../i18n/index.js';
import { usePortalT } from './localise.js';

export interface Column<T> {
  key: string;
  header: string;
  cell: (row: T) => ReactNode;
  /** What the column sorts by; a column without it does not sort. */
  sortValue?: (row: T) => string | number | null;
  numeric?: boolean;
}

type Direction = 'ascending' | 'descending';

/**
 * A table whose column headers sort it. Each sortable header holds a button (reachable by Tab,
 * pressed with Enter or Space); the sorted column carries aria-sort, and a live message says how the
 * table is sorted now.
 */
export function SortableTable<T>({
  rows,
  columns,
  rowKey,
  label,
  initial,
  testId,
}: {
  rows: readonly T[];
  columns: Column<T>[];
  rowKey: (row: T) => string;
  label: string;
  initial?: { key: string; direction: Direction };
  testId?: string;
}) {
  const { t } = usePortalT();
  const [sort, setSort] = useState<{ key: string; direction: Direction } | null>(initial ?? null);
  const sorted = useMemo(() => {
    const column = columns.find((c) => c.key === sort?.key);
    if (!sort || !column?.sortValue) return rows;
    const collator = new Intl.Collator(currentLocale(), { numeric: true, sensitivity: 'base' });
    const value = column.sortValue;
    const sign = sort.direction === 'ascending' ? 1 : -1;
    return [...rows].sort((a, b) => {
      const x = value(a);
      const y = value(b);
      if (x == null || y == null) return x == null ? (y == null ? 0 : 1) : -1; // unknown values last
      const order = typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y));
      return order * sign;
    });
  }, [rows, columns, sort]);
  const sortedColumn = columns.find((c) => c.key === sort?.key);
  return (
    <TableScroll label={label}>
      <table className="table table--sortable" data-testid={testId}>
        <caption className="visually-hidden" aria-live="polite">
          {label}
          {sortedColumn && sort ? `, ${t(`sort.${sort.direction}`, { column: sortedColumn.header })}` : ''}
        </caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th
                key={c.key}
                scope="col"
                className={c.numeric ? 'num' : undefined}
                aria-sort={sort?.key === c.key ? sort.direction : undefined}
              >
                {c.sortValue ? (
                  <button
                    type="button"
                    className="sort-button"
                    data-testid={`sort-${c.key}`}
                    onClick={() =>
                      setSort((now) => ({
                        key: c.key,
                        direction: now?.key === c.key && now.direction === 'ascending' ? 'descending' : 'ascending',
                      }))
                    }
                  >
                    {c.header}
                    <span aria-hidden="true" className="sort-arrow">
                      {sort?.key === c.key ? (sort.direction === 'ascending' ? '▲' : '▼') : '↕'}
                    </span>
                  </button>
                ) : (
                  c.header
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {sorted.map((row) => (
            <tr key={rowKey(row)} data-testid={testId ? `${testId}-row` : undefined}>
              {columns.map((c) => (
                <td key={c.key} className={c.numeric ? 'num' : undefined}>
                  {c.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** Links to the same list as a CSV or JSON file (the API's `?format=`). */
export function Downloads({ api, name }: { api: string; name: string }) {
  const { t } = usePortalT();
  const join = api.includes('?') ? '&' : '?';
  return (
    <p className="downloads" data-testid="downloads">
      <span>{t('common.downloadLabel')}:</span>{' '}
      <a href={`${api}${join}format=csv`} download={`${name}.csv`} data-testid="download-csv">
        {t('common.downloadCsv')}
      </a>{' '}
      ·{' '}
      <a href={`${api}${join}format=json`} download={`${name}.json`} data-testid="download-json">
        {t('common.downloadJson')}
      </a>
    </p>
  );
}
