'use client';
import { useCallback, useEffect, useRef, useState } from 'react';
import { hostState, type HostState } from './badges';

export interface Tile {
  readonly name: string;
  readonly online: boolean;
  readonly alive: boolean;
  readonly revoked: boolean;
  readonly cpuPercent?: number | null;
}

export type MapColouring = 'status' | 'cpu';

const STATUS_COLOUR: Record<HostState, string> = { online: '#1f9d55', alive: '#d69e2e', dead: '#d64545', revoked: '#a0a7b4' };

/** CPU 0 → green, 50 → amber, 100 → red; no data → grey. */
export function cpuColour(cpu: number | null | undefined): string {
  if (cpu === null || cpu === undefined) return '#c7ccd6';
  const c = Math.max(0, Math.min(100, cpu)) / 100;
  const hue = 120 - 120 * c;
  return `hsl(${hue.toFixed(0)} 65% 45%)`;
}

export function tileColour(t: Tile, colouring: MapColouring): string {
  return colouring === 'cpu' && !t.revoked ? cpuColour(t.online || t.alive ? t.cpuPercent : null) : STATUS_COLOUR[hostState(t)];
}

/** Square tiles that fill the width: size from the count, so 10 and 10,000 hosts both fit. */
export function tileLayout(count: number, width: number): { size: number; gap: number; columns: number; rows: number } {
  const size = count <= 50 ? 28 : count <= 500 ? 16 : count <= 2500 ? 10 : 6;
  const gap = size >= 16 ? 3 : 1;
  const columns = Math.max(1, Math.floor((width + gap) / (size + gap)));
  return { size, gap, columns, rows: Math.ceil(count / columns) };
}

/**
 * The fleet on one canvas: a tile per host, coloured by status or CPU. Drawing is one pass of
 * fillRect, so 10,000 hosts redraw in a few milliseconds. Hover names the host; a click (or
 * Enter on the focused tile) opens it.
 */
export function FleetMap({ tiles, colouring, onOpen, label, hoverLabel }: { tiles: readonly Tile[]; colouring: MapColouring; onOpen: (name: string) => void; label: string; hoverLabel: (t: Tile) => string }) {
  const wrap = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const [width, setWidth] = useState(0);
  const [hover, setHover] = useState<{ tile: Tile; x: number; y: number } | undefined>(undefined);
  const layout = tileLayout(tiles.length, width);

  useEffect(() => {
    const el = wrap.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setWidth(el.clientWidth));
    ro.observe(el);
    setWidth(el.clientWidth);
    return () => ro.disconnect();
  }, []);

  useEffect(() => {
    const c = canvas.current;
    if (!c || width === 0) return;
    const dpr = window.devicePixelRatio || 1;
    const h = Math.max(1, layout.rows * (layout.size + layout.gap));
    c.width = Math.floor(width * dpr);
    c.height = Math.floor(h * dpr);
    c.style.width = `${width}px`;
    c.style.height = `${h}px`;
    const ctx = c.getContext('2d');
    if (!ctx) return;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, width, h);
    const step = layout.size + layout.gap;
    for (let i = 0; i < tiles.length; i++) {
      const t = tiles[i]!;
      ctx.fillStyle = tileColour(t, colouring);
      ctx.fillRect((i % layout.columns) * step, Math.floor(i / layout.columns) * step, layout.size, layout.size);
    }
  }, [tiles, colouring, width, layout.rows, layout.size, layout.gap, layout.columns]);

  const tileAt = useCallback(
    (clientX: number, clientY: number): { tile: Tile; x: number; y: number } | undefined => {
      const c = canvas.current;
      if (!c) return undefined;
      const r = c.getBoundingClientRect();
      const x = clientX - r.left;
      const y = clientY - r.top;
      const step = layout.size + layout.gap;
      const col = Math.floor(x / step);
      const row = Math.floor(y / step);
      if (col < 0 || col >= layout.columns || x % step > layout.size || y % step > layout.size) return undefined;
      const tile = tiles[row * layout.columns + col];
      return tile ? { tile, x, y } : undefined;
    },
    [tiles, layout.size, layout.gap, layout.columns],
  );

  return (
    <div ref={wrap} className="fleet-map" data-testid="fleet-map" data-tiles={tiles.length}>
      <canvas
        ref={canvas}
        role="img"
        aria-label={label}
        onMouseMove={(e) => setHover(tileAt(e.clientX, e.clientY))}
        onMouseLeave={() => setHover(undefined)}
        onClick={(e) => {
          const hit = tileAt(e.clientX, e.clientY);
          if (hit) onOpen(hit.tile.name);
        }}
        style={{ cursor: hover ? 'pointer' : 'default' }}
      />
      {hover ? (
        <div className="map-tip" style={{ left: Math.min(hover.x + 12, Math.max(0, width - 220)), top: hover.y + 12 }} role="tooltip">
          {hoverLabel(hover.tile)}
        </div>
      ) : null}
    </div>
  );
}
