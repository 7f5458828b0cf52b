/**
 * The result panel's webview render (src/webview/resultPanel/render.ts), drawn into a small stand-in for
 * the DOM: the panel builds its nodes with createElement / textContent / append only, so the texts and
 * button states it puts on screen can be checked without a browser. How it looks is test/ui/uiCheck.mjs.
 */
import { strict as assert } from 'node:assert';
import { improvePrompt } from '../../../src/core/engine/improvePrompt';
import { heuristicResult } from '../../../src/core/model/improveWithModel';
import type { ResultContext } from '../../../src/panel/panelState';
import { resultPanelState, withDecisions } from '../../../src/panel/panelState';
import type { PanelState } from '../../../src/shared/resultPanelProtocol';
import { renderPanel } from '../../../src/webview/resultPanel/render';

/** Just enough of an element for the panel's render. */
class FakeNode {
  children: FakeNode[] = [];
  className = '';
  dataset: Record<string, string> = {};
  attributes: Record<string, string> = {};
  style: Record<string, string> = {};
  disabled = false;
  private ownText = '';
  [key: string]: unknown;
  constructor(readonly tagName: string) {}
  get textContent(): string {
    return this.ownText + this.children.map((child) => child.textContent).join('');
  }
  set textContent(text: string) {
    this.ownText = text;
    this.children = [];
  }
  append(...nodes: FakeNode[]): void {
    this.children.push(...nodes);
  }
  setAttribute(name: string, value: string): void {
    this.attributes[name] = value;
  }
  addEventListener(): void {}
  get tHead(): FakeNode | undefined {
    return this.children.find((child) => child.tagName === 'thead');
  }
  get tBodies(): FakeNode[] {
    return this.children.filter((child) => child.tagName === 'tbody');
  }
  /** Every element under this one (itself included) that `match` accepts. */
  all(match: (node: FakeNode) => boolean): FakeNode[] {
    return [...(match(this) ? [this] : []), ...this.children.flatMap((child) => child.all(match))];
  }
}

function render(state: PanelState): FakeNode[] {
  const fakeDocument = {
    createElement: (tag: string) => new FakeNode(tag),
    createTextNode: (text: string) => {
      const node = new FakeNode('#text');
      node.textContent = text;
      return node;
    },
  };
  const previous = (globalThis as { document?: unknown }).document;
  (globalThis as { document?: unknown }).document = fakeDocument;
  try {
    return renderPanel(state, () => undefined) as unknown as FakeNode[];
  } finally {
    (globalThis as { document?: unknown }).document = previous;
  }
}

const section = (nodes: FakeNode[], className: string): FakeNode => nodes.find((node) => node.className === className)!;
const paragraphs = (node: FakeNode): string[] => node.all((child) => child.tagName === 'p').map((child) => child.textContent);
const buttonNamed = (nodes: FakeNode[], key: string): FakeNode => nodes.flatMap((node) => node.all((child) => child.tagName === 'button' && child.dataset.key === key))[0]!;

const context: ResultContext = { subject: 'notes.prompt.md', beforeLabel: 'original', timeMs: 3, origin: { kind: 'inlineDiff', decision: 'open' }, layout: 'inline' };

describe('result panel: webview render', () => {
  it('says once that there is nothing to keep when the prompt has no variables, numbers or quotes', () => {
    const state = resultPanelState(heuristicResult(improvePrompt('Write something about dogs and make it nice')), context);
    assert.deepEqual(state.keptRows, []);
    const kept = section(render(state), 'kept-section');
    const texts = paragraphs(kept).map((text) => text.toLowerCase());
    assert.deepEqual(texts, ['no variables, numbers or quotes to keep.'], `the kept section says: ${JSON.stringify(texts)}`);
  });

  it("marks the structured prompt's own layout among the candidates, beside the one chosen", () => {
    const structured = resultPanelState(heuristicResult(improvePrompt('## Task\nWrite a haiku about {{topic}}.\n\n## Constraints\n- 3 lines\n')), context);
    const rows = section(render(structured), 'candidates-section').all((node) => node.tagName === 'li').map((node) => node.textContent);
    assert.equal(rows.length, 3, JSON.stringify(rows));
    assert.deepEqual(rows.filter((row) => row.includes('(your layout')), rows.filter((row) => row.startsWith('markdown:')), JSON.stringify(rows));
    assert.equal(rows.filter((row) => row.includes('chosen)')).length, 1, JSON.stringify(rows));
    const plain = resultPanelState(heuristicResult(improvePrompt('Write something about dogs and make it nice')), context);
    const plainRows = section(render(plain), 'candidates-section').all((node) => node.tagName === 'li').map((node) => node.textContent);
    assert.ok(plainRows.every((row) => !row.includes('your layout')), JSON.stringify(plainRows));
  });

  it('shows the summary and one row per kind when there is something to keep', () => {
    const state = resultPanelState(heuristicResult(improvePrompt('Summarize the meeting notes in {notes} for the 3 team leads. Make it good.')), context);
    const kept = section(render(state), 'kept-section');
    assert.deepEqual(paragraphs(kept), [state.kept]);
    assert.deepEqual(kept.all((node) => node.tagName === 'li').map((node) => node.textContent), ['variables: 1/1', 'numbers: 1/1']);
  });

  it('disables Accept all and Reject all once the inline diff is decided, and marks turned-down changes with the count kept', () => {
    const open = resultPanelState(heuristicResult(improvePrompt('Summarize the meeting notes in {notes} for the 3 team leads. Make it good.')), context);
    assert.ok(open.reasons.length >= 2, 'the rewrite applies two strategies or more');
    const openNodes = render(open);
    assert.equal(buttonNamed(openNodes, 'accept').disabled, false);
    assert.equal(buttonNamed(openNodes, 'reject').disabled, false);

    const [first, ...others] = open.reasons.map((reason) => reason.strategy!);
    const hunks = [{ strategies: [first!], accepted: false }, { strategies: others, accepted: true }];
    const decided = withDecisions(open, hunks, 'partial');
    const nodes = render(decided);
    assert.equal(buttonNamed(nodes, 'accept').disabled, true);
    assert.equal(buttonNamed(nodes, 'reject').disabled, true);
    const why = section(nodes, 'why');
    const items = why.all((node) => node.tagName === 'li');
    assert.equal(items[0]!.className, 'turned-down');
    assert.ok(items[0]!.textContent.endsWith('(turned down)'), items[0]!.textContent);
    assert.ok(items.slice(1).every((item) => item.className === '' && !item.textContent.includes('turned down')));
    assert.ok(paragraphs(why).includes('1 of 2 changes kept.'), JSON.stringify(paragraphs(why)));
  });
});

describe('result panel: decisions in the state', () => {
  const open = resultPanelState(heuristicResult(improvePrompt('Summarize the meeting notes in {notes} for the 3 team leads. Make it good.')), context);

  it('no tally and nothing turned down while no hunk is decided', () => {
    const state = withDecisions(open, [{ strategies: ['add-role'], accepted: undefined }]);
    assert.equal(state.hunkTally, undefined);
    assert.ok(state.reasons.every((reason) => reason.turnedDown === undefined));
    assert.deepEqual(state.origin, { kind: 'inlineDiff', decision: 'open' });
  });

  it('a strategy is turned down only when every hunk it made was rejected; the decision replaces the origin', () => {
    const strategy = open.reasons[0]!.strategy!;
    const mixed = withDecisions(open, [{ strategies: [strategy], accepted: false }, { strategies: [strategy], accepted: true }, { strategies: [], accepted: undefined }]);
    assert.equal(mixed.reasons[0]!.turnedDown, undefined);
    assert.deepEqual(mixed.hunkTally, { kept: 1, decided: 2, total: 3 });
    const rejected = withDecisions(mixed, [{ strategies: [strategy], accepted: false }], 'rejected');
    assert.equal(rejected.reasons[0]!.turnedDown, true);
    assert.deepEqual(rejected.origin, { kind: 'inlineDiff', decision: 'rejected' });
    assert.deepEqual(rejected.hunkTally, { kept: 0, decided: 1, total: 1 });
  });
});
