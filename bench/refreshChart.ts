import type { RefreshBenchRow } from './refreshBench';

/**
 * The refresh-time chart as SVG: wall time and floor against N, both axes logarithmic (N spans
 * 10 to 1,000 and times 0.1 s to 15 s), so every size reads at a glance.
 */
export function refreshChartSvg(rows: readonly RefreshBenchRow[], title: string): string {
  const width = 720;
  const height = 420;
  const pad = { left: 70, right: 70, top: 80, bottom: 60 };
  const xs = rows.map((r) => r.n);
  const ys = rows.flatMap((r) => [r.wallMs, r.floorMs]);
  const [xMin, xMax] = [Math.min(...xs), Math.max(...xs)];
  const [yMin, yMax] = [Math.min(...ys) / 1.5, Math.max(...ys) * 1.5];
  const x = (n: number) => pad.left + ((Math.log10(n) - Math.log10(xMin)) / (Math.log10(xMax) - Math.log10(xMin) || 1)) * (width - pad.left - pad.right);
  const y = (ms: number) => height - pad.bottom - ((Math.log10(ms) - Math.log10(yMin)) / (Math.log10(yMax) - Math.log10(yMin))) * (height - pad.top - pad.bottom);
  const line = (pick: (r: RefreshBenchRow) => number, colour: string, dashed = false) =>
    `<polyline fill="none" stroke="${colour}" stroke-width="3"${dashed ? ' stroke-dasharray="8 6"' : ''} points="${rows.map((r) => `${x(r.n).toFixed(1)},${y(pick(r)).toFixed(1)}`).join(' ')}"/>` +
    rows.map((r) => `<circle cx="${x(r.n).toFixed(1)}" cy="${y(pick(r)).toFixed(1)}" r="5" fill="${colour}"/>`).join('');
  const ticks = [100, 1000, 10_000].filter((t) => t > yMin && t < yMax);
  const grid = ticks
    .map((t) => `<line x1="${pad.left}" x2="${width - pad.right}" y1="${y(t)}" y2="${y(t)}" stroke="#ddd"/><text x="${pad.left - 8}" y="${y(t) + 4}" text-anchor="end">${t >= 1000 ? `${t / 1000} s` : `${t} ms`}</text>`)
    .join('');
  const labels = rows
    // The last point's label goes to its left, so it stays inside the picture.
    .map((r, i) => {
      const last = i === rows.length - 1;
      return `<text x="${x(r.n)}" y="${height - pad.bottom + 22}" text-anchor="middle">N = ${r.n.toLocaleString('en')}</text><text x="${x(r.n) + (last ? -10 : 8)}" y="${y(r.wallMs) - 10}" text-anchor="${last ? 'end' : 'start'}">${(r.wallMs / 1000).toFixed(2)} s (×${(r.wallMs / r.floorMs).toFixed(2)})</text>`;
    })
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif" font-size="13">
<rect width="100%" height="100%" fill="white"/>
<text x="${pad.left}" y="28" font-size="16" font-weight="bold">${title}</text>
${grid}
<line x1="${pad.left}" x2="${pad.left}" y1="${pad.top}" y2="${height - pad.bottom}" stroke="#333"/>
<line x1="${pad.left}" x2="${width - pad.right}" y1="${height - pad.bottom}" y2="${height - pad.bottom}" stroke="#333"/>
${line((r) => r.floorMs, '#999', true)}
${line((r) => r.wallMs, '#5b3fd1')}
${labels}
<rect x="${pad.left}" y="44" width="16" height="4" fill="#5b3fd1"/><text x="${pad.left + 22}" y="50">refresh-all, wall time</text>
<rect x="${pad.left + 200}" y="44" width="16" height="4" fill="#999"/><text x="${pad.left + 222}" y="50">floor: ceil(N / concurrency) × latency</text>
</svg>`;
}
