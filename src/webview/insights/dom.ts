/** Element builders for the dashboard: text goes in through `textContent` only, never parsed as HTML. */

const SVG_NS = 'http://www.w3.org/2000/svg';

/** An HTML element with optional text and class. */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

/** An SVG element with attributes (numbers rounded to 0.1 px, which keeps the markup small). */
export function svg<K extends keyof SVGElementTagNameMap>(tag: K, attributes: Record<string, string | number> = {}, text?: string): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, typeof value === 'number' ? String(Math.round(value * 10) / 10) : value);
  if (text !== undefined) node.textContent = text;
  return node;
}

/** A native tooltip (and accessible name) for an SVG shape. */
export function withTitle<T extends SVGElement>(node: T, title: string): T {
  node.append(svg('title', {}, title));
  return node;
}

/** The root `<svg>` of a chart: an image whose accessible name states the figures. */
export function chartRoot(width: number, height: number, label: string): SVGSVGElement {
  const root = svg('svg', { width, height, viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': label, class: 'chart' });
  root.append(svg('title', {}, label));
  return root;
}

/** A table with a caption, one header row and body rows of text cells. */
export function dataTable(caption: string, head: readonly string[], rows: readonly (readonly string[])[]): HTMLTableElement {
  const table = el('table', undefined, 'data');
  table.append(el('caption', caption));
  const headRow = el('tr');
  for (const cell of head) headRow.append(Object.assign(el('th', cell), { scope: 'col' }));
  table.append(el('thead'), el('tbody'));
  table.tHead!.append(headRow);
  for (const row of rows) {
    const tr = el('tr');
    row.forEach((cell, index) => tr.append(index === 0 ? Object.assign(el('th', cell), { scope: 'row' }) : el('td', cell)));
    table.tBodies[0]!.append(tr);
  }
  return table;
}
