'use client';
import { useMemo, useState } from 'react';
import { flexRender, getCoreRowModel, getSortedRowModel, useReactTable, type ColumnDef, type SortingState } from '@tanstack/react-table';
import { useT } from '../../lib/prefs';
import { Empty } from '../states';
import { formatCell, isNumeric } from './report-cells';
import type { ReportTableDef } from './report-kinds';

type Row = Record<string, unknown>;

/** Rows drawn in the page; the CSV download always has them all. */
export const MAX_SHOWN_ROWS = 500;

/** One table of a report, sortable by any column; every cell is text. */
export function ReportTable({ def, rows }: { def: ReportTableDef; rows: readonly Row[] }) {
  const { t, language, utc } = useT();
  const [sorting, setSorting] = useState<SortingState>([]);
  const columns = useMemo<ColumnDef<Row>[]>(
    () =>
      def.columns.map((c) => ({
        id: c.field,
        accessorFn: (r: Row) => r[c.field] ?? null,
        header: t(c.label),
        sortUndefined: 'last',
        cell: (info) => formatCell(c.format, info.getValue(), language, utc),
      })),
    [def, t, language, utc],
  );
  const data = useMemo(() => rows as Row[], [rows]);
  const table = useReactTable({ data, columns, state: { sorting }, onSortingChange: setSorting, getCoreRowModel: getCoreRowModel(), getSortedRowModel: getSortedRowModel() });
  if (rows.length === 0) return <Empty>{t('reports.noRows')}</Empty>;
  const shown = table.getRowModel().rows.slice(0, MAX_SHOWN_ROWS);
  return (
    <>
      <div className="report-table-wrap">
        <table className="table compact sticky" data-testid={`report-table-${def.name}`}>
          <thead>
            <tr>
              {table.getHeaderGroups()[0]!.headers.map((h) => {
                const fmt = def.columns.find((c) => c.field === h.id)!.format;
                const dir = h.column.getIsSorted();
                return (
                  <th key={h.id} scope="col" className={isNumeric(fmt) ? 'num' : undefined} aria-sort={dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : undefined}>
                    <button type="button" className="th-sort" onClick={h.column.getToggleSortingHandler()}>
                      {flexRender(h.column.columnDef.header, h.getContext())}
                      {dir ? <span className="sort-mark">{dir === 'asc' ? '▲' : '▼'}</span> : null}
                    </button>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr key={r.id}>
                {r.getVisibleCells().map((c) => {
                  const fmt = def.columns.find((x) => x.field === c.column.id)!.format;
                  return (
                    <td key={c.id} className={isNumeric(fmt) ? 'num' : fmt === 'mono' ? 'mono ellipsis report-text' : fmt === 'date' ? 'nowrap' : undefined}>
                      {flexRender(c.column.columnDef.cell, c.getContext())}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rows.length > MAX_SHOWN_ROWS ? <p className="muted small table-note">{t('reports.truncated', { shown: MAX_SHOWN_ROWS, total: rows.length })}</p> : null}
    </>
  );
}
