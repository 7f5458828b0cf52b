/**
 * The word diff, inline (removed and added pieces in one text) or side by side (the old text with its
 * removed pieces, the new one with its added pieces). `<del>`/`<ins>` carry the meaning for assistive
 * technology; colour and strike-through carry it for the eye, so it reads without colour too.
 */
import type { DiffPart, PanelDiff, PanelLayout } from '../../shared/resultPanelProtocol';
import { el } from './dom';

function piece(part: DiffPart): Node {
  if (part.kind === 'same') return document.createTextNode(part.text);
  const node = el(part.kind === 'added' ? 'ins' : 'del', part.text);
  return node;
}

function textBlock(parts: readonly DiffPart[], label: string): HTMLElement {
  const block = el('div', undefined, 'diff-text');
  block.setAttribute('role', 'region');
  block.setAttribute('aria-label', label);
  // Focusable so a keyboard user can scroll a long diff.
  block.tabIndex = 0;
  block.append(...parts.map(piece));
  return block;
}

/** The diff in `layout`; `beforeLabel` names the old side ("original", "v2"). */
export function diffView(diff: PanelDiff, layout: PanelLayout, beforeLabel: string): HTMLElement {
  const changed = diff.parts.some((part) => part.kind !== 'same');
  if (!changed) return el('p', 'No changes: the texts are the same.', 'muted');
  if (layout === 'inline') {
    const view = el('div', undefined, 'diff inline');
    view.append(textBlock(diff.parts, `Changes from ${beforeLabel} to the rewrite`));
    return view;
  }
  const view = el('div', undefined, 'diff side-by-side');
  for (const [title, skip] of [[beforeLabel, 'added'], ['Rewrite', 'removed']] as const) {
    const column = el('div', undefined, 'column');
    column.append(el('h3', title), textBlock(diff.parts.filter((part) => part.kind !== skip), title));
    view.append(column);
  }
  return view;
}
