/**
 * The result panel's message protocol, shared by the extension host (src/panel) and the webview
 * (src/webview). The webview posts `ready` first; the host answers with the whole state, never patches.
 * Everything that arrives from the webview is validated before use.
 */

/** One rubric axis before and after the rewrite. */
export interface PanelAxisRow {
  /** Human name of the axis ("context use"). */
  label: string;
  before: number;
  after: number;
}

/** Why one strategy changed the prompt. */
export interface PanelReason {
  /** The strategy id (`add-role`). */
  strategy: string;
  /** The explanation bullet, for people. */
  text: string;
}

/** One rendering the engine tried. */
export interface PanelCandidate {
  style: string;
  total: number;
  /** True for the rendering the judge picked. */
  chosen: boolean;
}

/** Where the inline diff that belongs to this result stands. */
export type PanelDecision = 'open' | 'accepted' | 'rejected' | 'partial' | 'ended';

/** Everything the panel shows; sent whole on every change. */
export interface PanelState {
  /** Workspace-relative name of the document the prompt came from. */
  documentName: string;
  /** The rewrite the engine proposes. */
  rewrite: string;
  totals: { before: number; after: number };
  axes: PanelAxisRow[];
  reasons: PanelReason[];
  /** "kept 2/2 variables, 1/1 numbers" */
  kept: string;
  candidates: PanelCandidate[];
  /** Milliseconds from the command to the inline diff shown. */
  timeMs: number;
  decision: PanelDecision;
}

/** Host → webview. */
export type HostMessage = { type: 'state'; state: PanelState };

/** Webview → host: the handshake and the panel's buttons. */
export type WebviewMessage = { type: 'ready' } | { type: 'accept' } | { type: 'reject' } | { type: 'copy' };

const WEBVIEW_TYPES: ReadonlySet<string> = new Set(['ready', 'accept', 'reject', 'copy']);

/** The message if `value` is a well-formed webview message, else undefined (and it is ignored). */
export function parseWebviewMessage(value: unknown): WebviewMessage | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const type: unknown = (value as { type?: unknown }).type;
  return typeof type === 'string' && WEBVIEW_TYPES.has(type) ? ({ type } as WebviewMessage) : undefined;
}

/** For exhaustive switches: a compile error when a case is missing, a throw if one slips through. */
export function assertNever(value: never): never {
  throw new Error(`Unexpected message: ${JSON.stringify(value)}`);
}
