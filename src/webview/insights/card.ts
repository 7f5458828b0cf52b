/**
 * A dashboard card: a title, one line that says what it shows with the headline figure, a legend, and
 * the chart — or, after "Table", the same figures as a table for screen readers and for copying.
 */
import { el } from './dom';

/** One coloured key of a legend. */
export interface LegendEntry {
  name: string;
  className: string;
  /** Drawn as an open ring instead of a filled swatch (matching an open dot in the chart). */
  ring?: boolean;
}

/** What a card shows. */
export interface Card {
  /** Stable id: keeps the chart/table choice across refreshes. */
  id: string;
  title: string;
  note: string;
  legend?: readonly LegendEntry[];
  /** Draws the chart for a content box `width` px wide (called again when the width changes). */
  chart?: (width: number) => Node;
  /** The chart's figures as a table. */
  table?: () => HTMLTableElement;
  /** Content that is neither (a big figure, a table that is the chart itself). */
  body?: () => Node;
  /** Spans both columns of the grid. */
  wide?: boolean;
}

/** A card element whose chart is drawn later, once the layout gives its width. */
export interface PlacedCard {
  element: HTMLElement;
  /** Where the chart goes; undefined when the table is shown or the card has no chart. */
  chartBox?: HTMLElement;
  card: Card;
}

function legendOf(entries: readonly LegendEntry[]): HTMLElement {
  const list = el('ul', undefined, 'legend');
  for (const entry of entries) {
    const item = el('li');
    item.append(el('span', undefined, `swatch ${entry.ring ? 'ring ' : ''}${entry.className}`), document.createTextNode(entry.name));
    list.append(item);
  }
  return list;
}

/** Builds the card; `asTable` says whether it shows its table; `toggle` flips that choice. */
export function placeCard(card: Card, asTable: boolean, toggle: (id: string) => void): PlacedCard {
  const element = el('section', undefined, `card${card.wide ? ' wide' : ''}`);
  element.setAttribute('aria-labelledby', `card-${card.id}`);
  const head = el('div', undefined, 'card-head');
  const title = el('h2', card.title);
  title.id = `card-${card.id}`;
  head.append(title);
  if (card.chart && card.table) {
    const button = el('button', asTable ? 'Chart' : 'Table', 'toggle');
    button.setAttribute('aria-pressed', String(asTable));
    button.title = asTable ? `Show “${card.title}” as a chart` : `Show the figures of “${card.title}” as a table`;
    button.addEventListener('click', () => toggle(card.id));
    head.append(button);
  }
  element.append(head, el('p', card.note, 'note'));
  if (card.legend && card.chart && !asTable) element.append(legendOf(card.legend));
  if (card.body) element.append(card.body());
  if (asTable && card.table) {
    element.append(card.table());
    return { element, card };
  }
  if (!card.chart) return { element, card };
  const chartBox = el('div', undefined, 'chart-box');
  element.append(chartBox);
  return { element, chartBox, card };
}

/** Draws (or redraws) a placed card's chart at its box's current width. */
export function drawChart(placed: PlacedCard, width: number): void {
  if (!placed.chartBox || !placed.card.chart) return;
  placed.chartBox.replaceChildren(placed.card.chart(Math.max(240, Math.floor(width))));
}
