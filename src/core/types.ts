/**
 * The vocabulary shared by the engine, the judge, the store and every caller (CLI, extension, webviews).
 * Plain data only: everything here is serialisable to JSON and stored as is in the history.
 */

/** The five rubric axes, in the order they are shown everywhere. */
export const AXES = ['clarity', 'specificity', 'actionability', 'structure', 'contextUse'] as const;

/** One rubric axis. */
export type Axis = (typeof AXES)[number];

/** A score of 0–10 on each axis. */
export type AxisScores = Record<Axis, number>;

/** A concrete, actionable suggestion tied to the axis it would raise. */
export interface Suggestion {
  /** The axis this suggestion would raise. */
  axis: Axis;
  /** Stable rule id (for example `vague-words`), shared by `prompter lint` and editor diagnostics. */
  rule: string;
  /** What to do, in one sentence a person can act on. */
  message: string;
  /** Where in the judged text the problem is (UTF-16 offsets), when it has a place. */
  span?: TextSpan;
}

/** A half-open range of UTF-16 code unit offsets into a text. */
export interface TextSpan {
  start: number;
  end: number;
}

/** What a judge says about one prompt: five axes, a total, feedback and suggestions. */
export interface Scorecard extends AxisScores {
  /** Sum of the five axes, 0–50. */
  total: number;
  feedback: {
    /** What the prompt does well. */
    pros: string[];
    /** What holds it back. */
    cons: string[];
    /** One or two sentences a person reads first. */
    summary: string;
  };
  /** Concrete changes that would raise the score, weakest axis first. */
  suggestions: Suggestion[];
  /** Which judge produced this (`heuristic@1`, `llm:<model>`). */
  judge: string;
}

/** Identifier of a rewrite strategy (for example `add-role`). Stable across releases: stored and learned on. */
export type StrategyId = string;

/** One contiguous change between two texts, as computed by the `diff` library, with its provenance. */
export interface DiffHunk {
  /** Stable within one result: `h0`, `h1`, … in document order. */
  id: string;
  /** 1-based first line in the old text (as in a unified diff). */
  oldStart: number;
  oldLines: number;
  /** 1-based first line in the new text. */
  newStart: number;
  newLines: number;
  /** Unified-diff body lines, each starting with ' ', '-' or '+'. */
  lines: string[];
  /** The strategies whose additions this hunk carries (empty for pure layout changes). */
  strategies: StrategyId[];
}

/** Why the text changed: human bullets plus the real hunks. */
export interface Explanation {
  bullets: string[];
  diffs: DiffHunk[];
}

/** How much of one kind of user-authored token survived the rewrite. */
export interface KeptCount {
  kept: number;
  total: number;
  /** Items of the original that are missing from the rewrite (should always be empty). */
  missing: string[];
}

/** The intent check: every variable, number, quoted string and code fence of the original is still there. */
export interface KeptReport {
  variables: KeptCount;
  numbers: KeptCount;
  quotedStrings: KeptCount;
  codeFences: KeptCount;
  /** For people: "kept 4/4 variables, 2/2 numbers". */
  summary: string;
}
