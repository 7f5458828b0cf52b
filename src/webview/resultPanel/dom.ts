/** Small DOM helpers for the result panel: every piece of text goes in through `textContent`. */

/** An element with text content and an optional class. */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

/** A section with a heading that labels it for screen readers. */
export function section(id: string, title: string, ...content: Node[]): HTMLElement {
  const node = el('section', undefined, id);
  const heading = el('h2', title);
  heading.id = `${id}-heading`;
  node.setAttribute('aria-labelledby', heading.id);
  node.append(heading, ...content);
  return node;
}

/** "41/50", or "–" when there is no score. */
export const score = (value: number | null): string => (value === null ? '–' : `${Math.round(value * 10) / 10}/50`);

/** "+3", "−2", "±0"; empty when either side is unknown. */
export function delta(before: number | null, after: number | null): string {
  if (before === null || after === null) return '';
  // Scores have one decimal; the subtraction must not show binary noise (0.8999999).
  const change = Math.round((after - before) * 10) / 10;
  return change > 0 ? `+${change}` : change < 0 ? `−${-change}` : '±0';
}
