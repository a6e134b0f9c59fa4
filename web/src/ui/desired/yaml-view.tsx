'use client';
import { Fragment, useMemo } from 'react';
import { yamlLines } from './yaml-tokens';

export interface LineMark {
  readonly line: number;
  readonly column: number;
  readonly text: string;
}

/**
 * YAML with line numbers and colours. Every token is a React text node (the input is never
 * markup); `marks` put a message under their line (validation errors, beside the text they name).
 */
export function YamlView({ source, marks = [], label, testId, maxHeight }: { source: string; marks?: readonly LineMark[]; label: string; testId?: string; maxHeight?: number }) {
  const lines = useMemo(() => yamlLines(source), [source]);
  const byLine = useMemo(() => {
    const m = new Map<number, LineMark[]>();
    for (const mark of marks) m.set(mark.line, [...(m.get(mark.line) ?? []), mark]);
    return m;
  }, [marks]);
  return (
    // A scrollable region must be reachable from the keyboard (axe: scrollable-region-focusable).
    <div className="yaml-view" role="region" aria-label={label} tabIndex={0} data-testid={testId} style={maxHeight ? { maxHeight } : undefined}>
      <table className="code-table">
        <tbody>
          {lines.map((tokens, i) => {
            const no = i + 1;
            const here = byLine.get(no);
            return (
              <Fragment key={no}>
                <tr className={here ? 'code-line code-line-bad' : 'code-line'} data-line={no}>
                  <td className="code-no" aria-hidden="true">
                    {no}
                  </td>
                  <td className="code-text">
                    {tokens.map((tok, j) =>
                      tok.kind === 'text' ? (
                        <Fragment key={j}>{tok.text}</Fragment>
                      ) : (
                        <span key={j} className={`yaml-${tok.kind}`}>
                          {tok.text}
                        </span>
                      ),
                    )}
                  </td>
                </tr>
                {here?.map((m, k) => (
                  <tr key={`m${k}`} className="code-mark" data-mark-line={no}>
                    <td className="code-no" aria-hidden="true" />
                    <td className="code-mark-text">
                      <span aria-hidden="true">{' '.repeat(Math.max(0, m.column - 1))}^ </span>
                      {m.text}
                    </td>
                  </tr>
                ))}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
