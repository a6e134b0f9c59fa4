'use client';
import Link from 'next/link';
import { useRouter, useSearchParams } from 'next/navigation';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { createColumnHelper, flexRender, getCoreRowModel, useReactTable, type SortingState } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useClient, type CombinedError } from 'urql';
import { graphql } from '../../gql';
import type { HostSort, HostStatus, HostsPageQuery } from '../../gql/graphql';
import { formatDateTime, formatPercent } from '../../lib/format';
import { useHostUpdates, type HostUpdate } from '../../lib/live';
import { useT } from '../../lib/prefs';
import { HostBadge, hostState, Labels } from '../badges';
import { Empty, ErrorBox, errorMessage } from '../states';

const HostsPageDoc = graphql(`
  query HostsPage($selector: String, $search: String, $status: HostStatus, $sort: HostSort, $direction: SortDirection, $first: Int, $after: String) {
    hosts(selector: $selector, search: $search, status: $status, sort: $sort, direction: $direction, first: $first, after: $after) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      nodes {
        ...HostRow
        cpuPercent
        memoryPercent
      }
    }
  }
`);

type HostRow = HostsPageQuery['hosts']['nodes'][number];

/** Rows per page from the server; the body is virtualised, so pages only bound each request. */
const PAGE_SIZE = 500;
const ROW_HEIGHT = 40;
const UPDATE_FLUSH_MS = 300;
const STATUSES: readonly HostStatus[] = ['ONLINE', 'OFFLINE', 'ALIVE', 'DEAD', 'REVOKED'];

/** The server's order for each sortable column (the others — labels, OS — do not sort). */
const SERVER_SORT: Record<string, HostSort> = { name: 'NAME', status: 'STATUS', cpu: 'CPU', memory: 'MEMORY', address: 'ADDRESS', agentVersion: 'AGENT_VERSION', lastSeenAt: 'LAST_SEEN' };

function sortingFrom(params: URLSearchParams): SortingState {
  const id = params.get('sort') ?? '';
  return id in SERVER_SORT ? [{ id, desc: params.get('dir') === 'desc' }] : [];
}

const column = createColumnHelper<HostRow>();

/**
 * The hosts table: filters in the URL (shareable), pages fetched from the server by cursor as the
 * user scrolls, sorted by the server (a click on a header asks for a fresh first page in that
 * order), rows patched live from `hostUpdated`, only the visible rows in the DOM.
 */
export function HostsTable() {
  const { t, language, utc } = useT();
  const client = useClient();
  const router = useRouter();
  const params = useSearchParams();
  const [selector, setSelector] = useState(params.get('selector') ?? '');
  const [search, setSearch] = useState(params.get('search') ?? '');
  const [status, setStatus] = useState<HostStatus | ''>((STATUSES as readonly string[]).includes(params.get('status') ?? '') ? (params.get('status') as HostStatus) : '');
  const [rows, setRows] = useState<HostRow[]>([]);
  const [total, setTotal] = useState<number | undefined>(undefined);
  const [cursor, setCursor] = useState<{ end: string | null; more: boolean }>({ end: null, more: false });
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<CombinedError | undefined>(undefined);
  const [sorting, setSorting] = useState<SortingState>(() => sortingFrom(params));
  const generation = useRef(0);

  const order = sorting[0];
  const vars = useMemo(
    () => ({ selector: selector.trim() || undefined, search: search.trim() || undefined, status: status || undefined, sort: order ? SERVER_SORT[order.id] : undefined, direction: order ? (order.desc ? ('DESC' as const) : ('ASC' as const)) : undefined }),
    [selector, search, status, order],
  );
  const selectorError = error && error.graphQLErrors.some((e) => e.extensions?.code === 'BAD_USER_INPUT') && vars.selector ? errorMessage(error) : undefined;

  const load = useCallback(
    async (after: string | null) => {
      const gen = after ? generation.current : ++generation.current;
      setLoading(true);
      const res = await client.query(HostsPageDoc, { ...vars, first: PAGE_SIZE, after }, { requestPolicy: 'network-only' }).toPromise();
      if (gen !== generation.current) return;
      setLoading(false);
      if (res.error || !res.data) {
        setError(res.error);
        if (!after) setRows([]);
        return;
      }
      setError(undefined);
      const page = res.data.hosts;
      setRows((prev) => (after ? [...prev, ...page.nodes] : page.nodes));
      setTotal(page.totalCount);
      setCursor({ end: page.pageInfo.endCursor ?? null, more: page.pageInfo.hasNextPage });
    },
    [client, vars],
  );

  // Filters → URL and a fresh first page, debounced while typing.
  useEffect(() => {
    const id = setTimeout(() => {
      const q = new URLSearchParams();
      if (vars.selector) q.set('selector', vars.selector);
      if (vars.search) q.set('search', vars.search);
      if (vars.status) q.set('status', vars.status);
      if (order) q.set('sort', order.id);
      if (order?.desc) q.set('dir', 'desc');
      const qs = q.toString();
      router.replace(qs ? `/hosts/?${qs}` : '/hosts/', { scroll: false });
      void load(null);
    }, 250);
    return () => clearTimeout(id);
  }, [vars, order, load, router]);

  // Live rows: events are buffered and applied together every UPDATE_FLUSH_MS, so a fleet-wide
  // change (thousands of hosts going dead at once) is a few renders, not thousands.
  const pending = useRef(new Map<string, HostUpdate>());
  useHostUpdates({ onUpdate: useCallback((h: HostUpdate) => void pending.current.set(h.name, h), []) });
  useEffect(() => {
    const id = setInterval(() => {
      if (pending.current.size === 0) return;
      const updates = pending.current;
      pending.current = new Map();
      setRows((prev) => {
        let next: HostRow[] | undefined;
        prev.forEach((r, i) => {
          const u = updates.get(r.name);
          if (!u) return;
          next ??= prev.slice();
          next[i] = { ...r, ...u };
        });
        return next ?? prev;
      });
    }, UPDATE_FLUSH_MS);
    return () => clearInterval(id);
  }, []);

  const columns = useMemo(
    () => [
      column.accessor('name', {
        header: () => t('hosts.name'),
        cell: (c) => (
          <Link href={`/host/?name=${encodeURIComponent(c.getValue())}`} className="host-link">
            {c.getValue()}
          </Link>
        ),
        size: 160,
      }),
      column.accessor((r) => hostState(r), { id: 'status', header: () => t('hosts.status'), cell: (c) => <HostBadge host={c.row.original} />, size: 90 }),
      column.accessor('labels', { header: () => t('hosts.labels'), cell: (c) => <Labels labels={c.row.original.labels} max={4} />, size: 166, enableSorting: false }),
      column.accessor('os', { header: () => t('hosts.os'), cell: (c) => c.getValue() ?? '—', size: 120, enableSorting: false }),
      column.accessor('cpuPercent', { id: 'cpu', header: () => t('hosts.cpu'), cell: (c) => formatPercent(c.getValue()), size: 62 }),
      column.accessor('memoryPercent', { id: 'memory', header: () => t('hosts.memory'), cell: (c) => formatPercent(c.getValue()), size: 74 }),
      column.accessor('address', { header: () => t('hosts.address'), cell: (c) => c.getValue() ?? '—', size: 104 }),
      column.accessor('agentVersion', { header: () => t('hosts.agentVersion'), cell: (c) => c.getValue() ?? '—', size: 64 }),
      column.accessor('lastSeenAt', { header: () => t('hosts.lastSeen'), cell: (c) => formatDateTime(c.getValue(), language, utc), size: 164 }),
    ],
    [t, language, utc],
  );

  const table = useReactTable({ data: rows, columns, state: { sorting }, onSortingChange: setSorting, manualSorting: true, getCoreRowModel: getCoreRowModel(), getRowId: (r) => r.name });
  const tableRows = table.getRowModel().rows;
  const scroller = useRef<HTMLDivElement>(null);
  const virtual = useVirtualizer({ count: tableRows.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });
  const items = virtual.getVirtualItems();
  const lastIndex = items.at(-1)?.index ?? 0;

  // Near the end of what is loaded: fetch the next page.
  useEffect(() => {
    if (!loading && cursor.more && lastIndex >= rows.length - 50) void load(cursor.end);
  }, [lastIndex, rows.length, cursor, loading, load]);

  const padTop = items[0]?.start ?? 0;
  const padBottom = virtual.getTotalSize() - (items.at(-1)?.end ?? 0);

  return (
    <div className="page page-fill">
      <div className="page-head">
        <h1>{t('hosts.title')}</h1>
        <span className="muted" data-testid="hosts-count" aria-live="polite">
          {total === undefined ? '' : t('hosts.count', { shown: rows.length, total })}
        </span>
      </div>
      <div className="filters">
        <label className="field grow">
          <span>{t('hosts.selector')}</span>
          <input className={selectorError ? 'invalid mono' : 'mono'} value={selector} onChange={(e) => setSelector(e.target.value)} placeholder="role=web,env!=prod" aria-invalid={Boolean(selectorError)} aria-describedby="selector-help" data-testid="selector" />
          <small id="selector-help" className={selectorError ? 'field-error' : 'muted'} role={selectorError ? 'alert' : undefined}>
            {selectorError ?? t('hosts.selectorHelp')}
          </small>
        </label>
        <label className="field">
          <span>{t('hosts.search')}</span>
          <input type="search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder={t('hosts.searchPlaceholder')} />
        </label>
        <label className="field">
          <span>{t('hosts.status')}</span>
          <select value={status} onChange={(e) => setStatus(e.target.value as HostStatus | '')}>
            <option value="">{t('hosts.anyStatus')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`hostStatus.${s}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {error && !selectorError ? <ErrorBox error={error} onRetry={() => void load(null)} /> : null}
      <div className="table-scroll" ref={scroller} data-testid="hosts-scroll">
        <table className="table table-fixed" data-testid="hosts-table" aria-rowcount={total ?? rows.length}>
          <colgroup>
            {table.getAllLeafColumns().map((c) => (
              <col key={c.id} style={{ width: c.getSize() }} />
            ))}
          </colgroup>
          <thead className="sticky">
            {table.getHeaderGroups().map((hg) => (
              <tr key={hg.id}>
                {hg.headers.map((h) => {
                  const sorted = h.column.getIsSorted();
                  const title = flexRender(h.column.columnDef.header, h.getContext());
                  return (
                    <th key={h.id} scope="col" aria-sort={h.column.getCanSort() ? (sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none') : undefined} data-sort={h.column.getCanSort() ? h.column.id : undefined}>
                      {h.column.getCanSort() ? (
                        <button type="button" className="th-sort" onClick={h.column.getToggleSortingHandler()}>
                          {title}
                          <span aria-hidden="true" className="sort-mark">
                            {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : ''}
                          </span>
                        </button>
                      ) : (
                        title
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {padTop > 0 ? (
              <tr aria-hidden="true">
                <td colSpan={columns.length} style={{ height: padTop, padding: 0, border: 0 }} />
              </tr>
            ) : null}
            {items.map((vi) => {
              const row = tableRows[vi.index]!;
              return (
                <tr key={row.id} data-host={row.original.name} style={{ height: ROW_HEIGHT }} aria-rowindex={vi.index + 2}>
                  {row.getVisibleCells().map((cell) => (
                    <td key={cell.id} className="ellipsis">
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </td>
                  ))}
                </tr>
              );
            })}
            {padBottom > 0 ? (
              <tr aria-hidden="true">
                <td colSpan={columns.length} style={{ height: padBottom, padding: 0, border: 0 }} />
              </tr>
            ) : null}
          </tbody>
        </table>
        {!loading && !error && rows.length === 0 ? <Empty>{vars.selector || vars.search || vars.status ? t('hosts.noMatch') : t('hosts.none')}</Empty> : null}
        {loading && rows.length === 0 ? (
          <div className="state state-loading" role="status" aria-busy="true">
            <span className="spinner" aria-hidden="true" /> {t('state.loading')}
          </div>
        ) : null}
      </div>
    </div>
  );
}
