/** Every command the extension contributes, in one table (the ids must match package.json). */
export const CommandId = {
  improvePrompt: 'prompter.improvePrompt',
  scorePrompt: 'prompter.scorePrompt',
  acceptAllChanges: 'prompter.acceptAllChanges',
  rejectAllChanges: 'prompter.rejectAllChanges',
  acceptChange: 'prompter.acceptChange',
  rejectChange: 'prompter.rejectChange',
  showChangeDetails: 'prompter.showChangeDetails',
  /** Improve Prompt on a whole file `(uri)`: the diagnostics' Code Action. */
  improvePromptFile: 'prompter.improvePromptFile',
  /** Score Prompt on a whole file `(uri)`: the score in the status bar. */
  scorePromptFile: 'prompter.scorePromptFile',
  /** Shows a stored version in the result panel `(VersionRef)`. */
  openVersion: 'prompter.openVersion',
  /** Improves from a version `(VersionRef)`, or from the best version `({ historyKey, promptId })`. */
  improveAgain: 'prompter.improveAgain',
  /** Focuses the History view; given a `VersionRef` or `{ historyKey, promptId }`, reveals and selects it. */
  showHistory: 'prompter.showHistory',
  // The History view's title and item actions; each takes a tree node, a ref, or nothing (the selection).
  refreshHistory: 'prompter.history.refresh',
  compareWithPrevious: 'prompter.history.compareWithPrevious',
  compareWithOriginal: 'prompter.history.compareWithOriginal',
  compareBestWithOriginal: 'prompter.history.compareBestWithOriginal',
  insertVersionAtCursor: 'prompter.history.insertAtCursor',
  replaceSelectionWithVersion: 'prompter.history.replaceSelection',
  copyVersion: 'prompter.history.copyVersion',
  improveFromVersion: 'prompter.history.improveFromVersion',
  improvePromptAgain: 'prompter.history.improveAgain',
  /** `(target, { confirm: false }?)`: without the option it asks first. */
  deleteVersion: 'prompter.history.deleteVersion',
  /** `(target, { confirm: false }?)`: without the option it asks first. */
  deletePrompt: 'prompter.history.deletePrompt',
  /** Chooses the language model (off, a VS Code model, an OpenAI-compatible endpoint); `({ provider })?` skips the first pick. */
  selectModel: 'prompter.selectModel',
  /** Stores the endpoint's API key in SecretStorage (asked in a password box, never an argument). */
  setApiKey: 'prompter.setApiKey',
  /** Forgets the endpoint's API key. */
  clearApiKey: 'prompter.clearApiKey',
  /** Opens the insights dashboard on the active editor's store; returns the state it sent. */
  showInsights: 'prompter.showInsights',
  /** `(format?: 'csv' | 'json', target?: Uri)`: exports the dashboard's figures; without arguments it asks. */
  exportInsights: 'prompter.exportInsights',
  /** `(target?: { historyKey }, { confirm: false }?)`: forgets a store's learned strategy statistics; without the option it asks first. */
  resetLearning: 'prompter.resetLearning',
} as const;

/** A command id of this extension. */
export type CommandId = (typeof CommandId)[keyof typeof CommandId];

/** Context keys the extension sets for `when` clauses. */
export const ContextKey = {
  /** True while the active editor shows an inline diff (gates the accept/reject keybindings). */
  inlineDiffVisible: 'prompter.inlineDiffVisible',
  /** The `resourcePath`s of the documents with a prompt in the history (gates Improve Again in the editor's context menu). */
  promptDocuments: 'prompter.promptDocuments',
} as const;
