/**
 * Saves text the server produced (a report's or the audit trail's CSV) as a file, byte for byte:
 * a Blob of exactly that string, no BOM or re-encoding.
 */
export function downloadText(filename: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file name part from an ISO instant: `2026-01-02T03-04Z`. */
export function fileStamp(iso: string): string {
  return `${iso.slice(0, 16).replace(/:/g, '-')}Z`;
}
