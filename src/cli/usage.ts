/** Help texts for `prompter` and each command. */

export const MAIN_USAGE = `prompter — improve and judge LLM prompts, offline.

Usage:
  prompter judge   [--json] [--max-chars N] [FILE|- ...]
  prompter improve [--json] [--no-store] [--max-chars N] [FILE|- ...]
  prompter lint    [--json] [--min N] PATH...
  prompter --help | --version

With no FILE, or with -, the prompt is read from standard input.
Exit codes: 0 ok, 1 lint found a prompt below --min, 2 usage or input error (the other inputs are still
processed).
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

export const LINT_USAGE = `Usage: prompter lint [--json] [--min N] [--max-chars N] PATH...

Judges every prompt file under the paths (*.prompt.md, *.prompt.txt, *.prompty; files named on the
command line are always included), one line per file with its score and weakest axis. YAML front matter
is not judged. Exits 1 when any file scores below --min (default 0), so it can gate CI.
  --json         print one JSON array, one entry per file
  --min N        the lowest acceptable total, 0-50
`;
