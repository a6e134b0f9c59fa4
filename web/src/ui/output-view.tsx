'use client';
import { useMemo } from 'react';
import { ansiSpans } from '../lib/ansi';

/** Command output: ANSI colours become classes, everything else stays text. */
export function OutputView({ text, label, tone }: { text: string; label: string; tone?: 'err' }) {
  const spans = useMemo(() => ansiSpans(text), [text]);
  return (
    <pre className={`output ${tone === 'err' ? 'output-err' : ''}`} aria-label={label} tabIndex={0}>
      {spans.map((s, i) => (
        <span key={i} className={[s.fg, s.bg ? `${s.bg}-bg` : undefined, s.bold ? 'ansi-bold' : undefined].filter(Boolean).join(' ') || undefined}>
          {s.text}
        </span>
      ))}
    </pre>
  );
}
