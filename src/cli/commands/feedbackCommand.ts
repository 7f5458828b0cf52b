/**
 * `prompter feedback VERSION_ID accept|reject [--hunks 0,2]`: records a person's decision on a stored
 * version, as the editor's accept and reject do, so the learning loop sees it.
 */
import type { FeedbackDecision, FeedbackEventRecord, HistoryRepository, HunkDecision } from '../../core/history';
import type { CommandContext } from './commandContext';

/** Thrown for arguments the command cannot use; the CLI turns it into a usage error. */
export class FeedbackUsageError extends Error {}

/** Parses "0,2" into hunk indexes. */
export function parseHunkList(value: string): number[] {
  const parts = value.split(',').map((part) => part.trim());
  if (parts.some((part) => !/^\d+$/.test(part))) throw new FeedbackUsageError(`--hunks takes hunk numbers separated by commas, like 0,2 — not "${value}".`);
  return [...new Set(parts.map(Number))];
}

/**
 * Records the decision. With --hunks, `accept` keeps exactly the named hunks (the others are rejected)
 * and `reject` drops exactly the named ones (the others are kept).
 */
export async function runFeedback(
  context: CommandContext,
  repository: HistoryRepository,
  versionId: string,
  verb: string,
  hunkList: string | undefined,
  onDecision: (event: FeedbackEventRecord) => Promise<void>,
): Promise<number> {
  if (verb !== 'accept' && verb !== 'reject') throw new FeedbackUsageError(`the decision is "accept" or "reject", not "${verb}".`);
  const found = await repository.getVersion(versionId);
  if (!found) {
    context.io.stderr(`prompter: there is no version "${versionId}" in ${repository.location}. "prompter history PROMPT_ID" lists version ids.\n`);
    return 2;
  }
  const { version } = found;
  const diffs = version.explanation.diffs;
  let hunks: HunkDecision[] = [];
  let decision: FeedbackDecision = verb === 'accept' ? 'accepted' : 'rejected';
  if (hunkList !== undefined) {
    const named = parseHunkList(hunkList);
    const outOfRange = named.filter((index) => index >= diffs.length);
    if (outOfRange.length) throw new FeedbackUsageError(`version ${versionId} has ${diffs.length} hunks (0–${diffs.length - 1}); there is no hunk ${outOfRange.join(', ')}.`);
    hunks = diffs.map((hunk, index) => ({ hunkId: hunk.id, accepted: named.includes(index) === (verb === 'accept'), strategies: hunk.strategies }));
    const kept = hunks.filter((h) => h.accepted).length;
    decision = kept === hunks.length ? 'accepted' : kept === 0 ? 'rejected' : 'partial';
  }
  const event = await repository.recordFeedback({ promptId: version.promptId, versionId, decision, hunks, strategies: version.strategies, via: 'cli' });
  await onDecision(event);
  if (context.json) context.io.stdout(`${JSON.stringify(event, null, 2)}\n`);
  else context.io.stdout(`Recorded: ${decision} v${version.versionNo} of ${version.promptId}${hunks.length ? ` (${hunks.filter((h) => h.accepted).length}/${hunks.length} hunks kept)` : ''}.\n`);
  return 0;
}
