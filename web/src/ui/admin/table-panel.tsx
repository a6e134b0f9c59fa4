'use client';
import type { ReactNode } from 'react';

/** A panel whose body is a full-width table (states and notes padded like part 1's panels). */
export function TablePanel({ title, children, note }: { title: string; children: ReactNode; note?: ReactNode }) {
  return (
    <section className="panel table-panel" aria-label={title}>
      <header className="panel-head">
        <h2>{title}</h2>
      </header>
      <div className="table-panel-body">{children}</div>
      {note ? <div className="table-panel-note">{note}</div> : null}
    </section>
  );
}
