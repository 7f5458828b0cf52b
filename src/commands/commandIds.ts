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
} as const;

/** A command id of this extension. */
export type CommandId = (typeof CommandId)[keyof typeof CommandId];

/** Context keys the extension sets for `when` clauses. */
export const ContextKey = {
  /** True while the active editor shows an inline diff (gates the accept/reject keybindings). */
  inlineDiffVisible: 'prompter.inlineDiffVisible',
} as const;
