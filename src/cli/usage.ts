/** Help texts for `prompter` and each command. */

export const MAIN_USAGE = `prompter — improve and judge LLM prompts, offline.

Usage:
  prompter judge   [--json] [--max-chars N] [FILE|- ...]
  prompter improve [--json] [--no-store] [--max-chars N] [FILE|- ...]
  prompter --help | --version

With no FILE, or with -, the prompt is read from standard input.
Exit codes: 0 ok, 2 usage or input error (the other inputs are still processed).
Run "prompter COMMAND --help" for a command's options.
`;

export const JUDGE_USAGE = `Usage: prompter judge [--json] [--max-chars N] [FILE|- ...]

Scores each prompt on five axes (clarity, specificity, actionability, structure, context use), 0–10 each.
  --json         print one JSON array, one scorecard per input, in order
  --max-chars N  refuse inputs longer than N characters (default 200000)
`;

export const IMPROVE_USAGE = `Usage: prompter improve [--json] [--no-store] [--max-chars N] [FILE|- ...]

Rewrites each prompt, explains every change, and scores it before and after.
  --json         print one JSON array, one result per input, in order
  --no-store     do not record the versions in the history
  --max-chars N  refuse inputs longer than N characters (default 200000)
`;
