/**
 * A repository that calls `onWrite` after each successful write, so this window's views refresh at once
 * instead of waiting for the file watcher (which still catches other windows and the CLI).
 */
import type { HistoryRepository } from '../core/history';

/** Wraps `inner`; reads pass straight through. */
export function notifyingRepository(inner: HistoryRepository, onWrite: () => void): HistoryRepository {
  const after = async <T>(write: Promise<T>): Promise<T> => {
    const value = await write;
    onWrite();
    return value;
  };
  return {
    location: inner.location,
    createPrompt: (text, origin, options) => after(inner.createPrompt(text, origin, options)),
    appendVersion: (promptId, version, score, options) => after(inner.appendVersion(promptId, version, score, options)),
    listPrompts: () => inner.listPrompts(),
    getPrompt: (promptId) => inner.getPrompt(promptId),
    getPrompts: (promptIds) => inner.getPrompts(promptIds),
    getVersion: (versionId) => inner.getVersion(versionId),
    deletePrompt: (promptId) => after(inner.deletePrompt(promptId)),
    deleteVersion: (versionId) => after(inner.deleteVersion(versionId)),
    recordFeedback: (event) => after(inner.recordFeedback(event)),
    listFeedback: () => inner.listFeedback(),
    recordMetric: (event) => after(inner.recordMetric(event)),
    listMetrics: () => inner.listMetrics(),
    readEventsSince: (cursor) => inner.readEventsSince(cursor),
    readLearningState: () => inner.readLearningState(),
    writeLearningState: (state) => after(inner.writeLearningState(state)),
    updateLearningState: (update) => after(inner.updateLearningState(update)),
    resetLearningState: () => after(inner.resetLearningState()),
    revision: () => inner.revision(),
    onWarning: (listener) => inner.onWarning(listener),
  };
}
