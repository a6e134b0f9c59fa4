/**
 * The audit export is the server's `csv` field page after page: the first page whole, the header
 * row of every later page dropped (a header holds no quotes or line breaks, so it ends at the first
 * CRLF). Pure, so the page's loop and its test agree.
 */
export function joinCsvPages(pages: readonly string[]): string {
  return pages.map((p, i) => (i === 0 ? p : p.slice(p.indexOf('\r\n') + 2))).join('');
}

/** Rows per request and the most rows one export fetches (MAX_PAGE_SIZE on the server × pages). */
export const EXPORT_PAGE_SIZE = 500;
export const EXPORT_MAX_PAGES = 40;
