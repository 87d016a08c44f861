/**
 * Page numbers to show: the first, the last, and a window around the current one; 0 marks a
 * gap. A gap of a single page shows that page instead, since "…" would take as much room.
 */
export function pageWindow(current: number, last: number, radius = 2): number[] {
  const pages = new Set<number>([1, last]);
  for (let p = current - radius; p <= current + radius; p++) if (p >= 1 && p <= last) pages.add(p);
  const sorted = [...pages].sort((a, b) => a - b);
  const out: number[] = [];
  for (const p of sorted) {
    const prev = out[out.length - 1];
    if (prev !== undefined && p - prev === 2) out.push(prev + 1);
    else if (prev !== undefined && p - prev > 2) out.push(0);
    out.push(p);
  }
  return out;
}
