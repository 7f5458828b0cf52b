/**
 * Builds the panel's state — plain data for the protocol — from a fresh engine result or from a stored
 * version. Pure (no vscode), so the unit tests check exactly what the webview will be sent.
 */
import { keptReport } from '../core/analysis/templateTokens';
import { changeReasons } from '../core/engine/changeReasons';
import type { ImproveResult } from '../core/engine/improvePrompt';
import type { EngineInfo, PromptDetail, VersionWithScores } from '../core/history';
import type { StoredRun } from '../history/improveIntoHistory';
import { promptTitle } from '../history/tree/historyLabels';
import { axisLabel } from '../core/judge/judgePrompt';
import { describeFallback, isFallbackReason } from '../core/model/fallbackReasons';
import type { EngineReport } from '../core/model/improveWithModel';
import type { KeptReport, Scorecard } from '../core/types';
import { AXES } from '../core/types';
import type { PanelDecision, PanelEngine, PanelKeptRow, PanelLayout, PanelOrigin, PanelReason, PanelState, PanelVersion } from '../shared/resultPanelProtocol';
import { wordDiff } from './wordDiff';

/** What the panel needs beside an engine result. */
export interface ResultContext {
  /** The document's workspace-relative name, or the prompt's title. */
  subject: string;
  /** Name of the text the rewrite started from ("original", "v2"). */
  beforeLabel: string;
  timeMs: number | null;
  origin: PanelOrigin;
  layout: PanelLayout;
  version?: PanelVersion;
  notice?: string;
}

function axes(before: Scorecard | undefined, after: Scorecard | undefined): PanelState['axes'] {
  return AXES.map((axis) => ({ label: axisLabel(axis), before: before?.[axis] ?? null, after: after?.[axis] ?? null }));
}

function keptRows(report: KeptReport): PanelKeptRow[] {
  const rows: [string, KeptReport['variables']][] = [
    ['variables', report.variables],
    ['numbers', report.numbers],
    ['quoted strings', report.quotedStrings],
    ['code blocks', report.codeFences],
  ];
  return rows.filter(([, count]) => count.total > 0).map(([label, count]) => ({ label, kept: count.kept, total: count.total, missing: count.missing }));
}

function engineOf(id: string, fallbackReason: string | undefined, detail?: string): PanelEngine {
  const kind = id.startsWith('llm:') ? 'model' : 'heuristic';
  if (!fallbackReason) return { kind, id };
  const reason = isFallbackReason(fallbackReason) ? describeFallback(fallbackReason) : fallbackReason;
  return { kind, id, fallback: detail ? `${reason} (${detail})` : reason };
}

/** The state for a fresh result: Improve Prompt's inline diff, or an Improve Again run. */
export function resultPanelState(result: ImproveResult & { engine?: EngineReport }, context: ResultContext): PanelState {
  const { before, after } = result.judge;
  return {
    subject: context.subject,
    beforeLabel: context.beforeLabel,
    rewrite: result.improved,
    diff: wordDiff(result.original, result.improved),
    totals: { before: before.total, after: after.total },
    axes: axes(before, after),
    reasons: changeReasons(result.explanation.bullets, result.strategies),
    kept: result.kept.summary,
    keptRows: keptRows(result.kept),
    candidates: [...result.candidates].sort((a, b) => b.total - a.total).map((candidate) => ({ style: candidate.style, total: candidate.total, chosen: candidate.style === result.style, ...(candidate.ownLayout ? { ownLayout: true } : {}) })),
    timeMs: context.timeMs,
    engine: result.engine ? engineOf(result.engine.id, result.engine.fallbackReason, result.engine.fallbackDetail) : engineOf(result.source.replace(/^engine\//, ''), undefined),
    ...(context.version ? { version: context.version } : {}),
    ...(context.notice ? { notice: context.notice } : {}),
    origin: context.origin,
    layout: context.layout,
  };
}

const latestScore = (entry: VersionWithScores | undefined): Scorecard | undefined => entry?.scores[entry.scores.length - 1];

/** Where version `entry` of `detail` sits in its prompt's history. */
export function panelVersion(historyKey: string, detail: PromptDetail, entry: VersionWithScores): PanelVersion {
  const { prompt } = detail;
  const best = detail.versions.find((candidate) => candidate.version.id === prompt.bestVersionId);
  return {
    ref: { historyKey, promptId: prompt.id, versionId: entry.version.id },
    versionNo: entry.version.versionNo,
    promptTitle: promptTitle(prompt.originalText),
    ...(best && best.version.id !== entry.version.id ? { best: { versionNo: best.version.versionNo, score: prompt.bestScore } } : {}),
    score: latestScore(entry)?.total ?? null,
  };
}

/** Where an Improve Prompt run put its rewrite (`promptText` is the prompt's original); undefined when nothing was stored. */
export function runVersion(stored: StoredRun, promptText: string, total: number): PanelVersion | undefined {
  if (!stored.versionId) return undefined;
  return {
    ref: { historyKey: stored.historyKey, promptId: stored.promptId, versionId: stored.versionId },
    versionNo: stored.versionNo ?? 0,
    promptTitle: promptTitle(promptText),
    ...(stored.best.versionId === stored.versionId ? {} : { best: { versionNo: stored.best.versionNo, score: stored.best.score } }),
    score: total,
  };
}

function storedEngine(info: EngineInfo | undefined): PanelEngine | undefined {
  return info ? engineOf(info.id, info.fallbackReason) : undefined;
}

/** Which stored version to show, and how. */
export interface StoredVersionRequest {
  historyKey: string;
  detail: PromptDetail;
  versionId: string;
  /** Where the prompt came from ("notes/summary.prompt.md"), or the store's name. */
  subject: string;
  layout: PanelLayout;
}

/**
 * The state for a stored version: the diff against its parent version, its scores against the parent's,
 * its explanation. Undefined when the prompt has no such version.
 */
export function storedVersionState({ historyKey, detail, versionId, subject, layout }: StoredVersionRequest): PanelState | undefined {
  const entry = detail.versions.find((candidate) => candidate.version.id === versionId);
  if (!entry) return undefined;
  const { version } = entry;
  const parent = detail.versions.find((candidate) => candidate.version.id === version.parentVersionId);
  // The original has no parent: it is shown against itself (no changes), with its own scores.
  const beforeText = parent?.version.text ?? version.text;
  const beforeScore = parent ? latestScore(parent) : undefined;
  const afterScore = latestScore(entry);
  const kept = keptReport(beforeText, version.text);
  const engine = storedEngine(version.engine);
  return {
    subject,
    beforeLabel: parent ? `v${parent.version.versionNo}` : 'original',
    rewrite: version.text,
    diff: wordDiff(beforeText, version.text),
    totals: { before: beforeScore?.total ?? null, after: afterScore?.total ?? null },
    axes: axes(beforeScore, afterScore),
    reasons: changeReasons(version.explanation.bullets, version.strategies),
    kept: kept.summary,
    keptRows: keptRows(kept),
    candidates: [],
    timeMs: version.timeToResultMs ?? null,
    ...(engine ? { engine } : {}),
    version: panelVersion(historyKey, detail, entry),
    origin: { kind: 'stored' },
    layout,
  };
}

/** One hunk of an inline diff and the person's decision on it (undefined while open). */
export interface HunkDecision {
  strategies: readonly string[];
  accepted: boolean | undefined;
}

/**
 * `state` with the inline diff's decisions so far: how many changes were kept, and each strategy whose
 * every change was rejected marked as turned down. `decision` replaces the origin's when given (the diff
 * ended). Hunks that name no strategy (a model's rewrite, layout lines) count in the tally only.
 */
export function withDecisions(state: PanelState, hunks: readonly HunkDecision[], decision?: PanelDecision): PanelState {
  const decided = hunks.filter((hunk) => hunk.accepted !== undefined);
  const turnedDown = (strategy: string): boolean => {
    const touching = hunks.filter((hunk) => hunk.strategies.includes(strategy));
    return touching.length > 0 && touching.every((hunk) => hunk.accepted === false);
  };
  const origin = decision && state.origin.kind === 'inlineDiff' ? { kind: 'inlineDiff' as const, decision } : state.origin;
  const next: PanelState = {
    ...state,
    origin,
    reasons: state.reasons.map((reason) => {
      const plain: PanelReason = reason.strategy ? { strategy: reason.strategy, text: reason.text } : { text: reason.text };
      return reason.strategy && turnedDown(reason.strategy) ? { ...plain, turnedDown: true } : plain;
    }),
  };
  if (decided.length) next.hunkTally = { kept: decided.filter((hunk) => hunk.accepted === true).length, decided: decided.length, total: hunks.length };
  else delete next.hunkTally;
  return next;
}
