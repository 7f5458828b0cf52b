/**
 * Probes that test whether the judge rewards substance rather than surface: padding a prompt with polite
 * filler, or adding empty rubric headings, must not help. The probe texts are our own, not evaluation data.
 */

/** Polite sentences that carry no instruction; appending any of them must never raise a score. */
export const FILLER_SENTENCES: readonly string[] = [
  'Please.',
  'Thank you so much!',
  'Thanks in advance for your help.',
  'I would really appreciate it.',
  'Please do your best!',
  'You are amazing, thank you!',
  'Please make sure to do a great job.',
  'I hope you can help me with this, thanks!',
  'Thank you very much for your time and effort.',
  'Please be thorough and careful.',
];

/** Ways of appending a filler sentence: on the same line, on a new line, as a new paragraph. */
export const FILLER_JOINS: readonly string[] = [' ', '\n', '\n\n'];

/** Rubric headings with nothing under them: scaffolding, not content. */
export const EMPTY_HEADINGS = '\n\nRole:\nTask:\nConstraints:';
