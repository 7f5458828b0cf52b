/** Help texts for `prompter` and each command. */

const MAIN = `prompter — improve and judge LLM prompts, offline.

Usage:
  prompter judge    [--json] [--max-chars N] [MODEL] [FILE|- ...]
  prompter improve  [--json] [--store DIR | --no-store] [--max-chars N] [MODEL] [FILE|- ...]
  prompter improve  [--json] [--store DIR] [MODEL] --again PROMPT_ID
  prompter lint     [--json] [--min N] PATH...
  prompter history  [--json] [--store DIR] [PROMPT_ID]
  prompter feedback [--json] [--store DIR] VERSION_ID accept|reject [--hunks 0,2]
  prompter stats    [--json] [--store DIR]
  prompter reset-learning [--store DIR]
  prompter --help | --version

With no FILE at all (when input is piped in), or with -, the prompt is read from standard input. A folder stands for the prompt
files in it (see "prompter lint --help"); a folder without any is an error, never a read of stdin.
History is kept in .prompter/ in the current folder unless --store names another folder (or --no-store
keeps nothing).
Exit codes: 0 ok, 1 lint found a prompt below --min, 2 usage or input error (the other inputs are still
processed).
MODEL is off by default (nothing leaves the machine): --llm [--base-url URL] [--model NAME] [--timeout MS]
asks an OpenAI-compatible endpoint, with the offline engine as the fallback; see "prompter improve --help".
Run "prompter COMMAND --help" for a command's options.
`;

const MODEL = `Language model (off unless --llm is given; the offline engine and judge are the fallback):
  --llm          use an OpenAI-compatible endpoint (OpenAI, Ollama, LM Studio, vLLM, llama.cpp, gateways)
  --base-url URL the endpoint (default $PROMPTER_BASE_URL, else http://127.0.0.1:11434); /v1/chat/completions
                 is added unless the URL already ends in /v1 or /chat/completions
  --model NAME   the model name the endpoint knows (default $PROMPTER_MODEL)
  --timeout MS   one deadline for all of an input's model requests (default 6000)
  --stream       ask for streamed answers (server-sent events)
  --verbose      one JSON log line per model request on stderr (no prompt text, never the key)
  --debug        like --verbose, with the prompt and answer text in each line
The API key is read from $PROMPTER_API_KEY only (sent as a bearer header, never printed). Model calls are
capped per hour and per day ($PROMPTER_MAX_CALLS_PER_HOUR, default 120; $PROMPTER_MAX_CALLS_PER_DAY,
default 1000), counted in $PROMPTER_USAGE_FILE (default ~/.local/state/prompter/llm-usage.json).
With --json each result says which engine produced it ("engine", or "judge" for scores) and, when the
model was not used, "fallbackReason": timeout, cancelled, http-429, http-5xx, http-4xx, network,
invalid-json, invalid-scores, intent-check, no-gain, judge-disagrees or budget.
`;

const JUDGE = `Usage: prompter judge [--json] [--max-chars N] [--llm ...] [FILE|- ...]

Scores each prompt on five axes (clarity, specificity, actionability, structure, context use), 0–10 each.
YAML front matter at the top of an input is not judged, as in lint.
  --json         print one JSON array, one scorecard per input, in order
  --max-chars N  refuse inputs longer than N characters (default 200000)

${MODEL}`;

const IMPROVE = `Usage: prompter improve [--json] [--store DIR | --no-store] [--max-chars N] [--llm ...] [FILE|- ...]
       prompter improve [--json] [--store DIR] [--llm ...] --again PROMPT_ID

Rewrites each prompt, explains every change, and scores it before and after. Each input is stored as a
new prompt: v0 the original, v1 the rewrite. --again improves the best version of a stored prompt and
keeps the result only if it scores at least as well. YAML front matter at the top of an input is not
rewritten: it stays on top of the rewrite as it was, and the history stores the prompt after it.
  --json         print one JSON array, one result per input, in order
  --store DIR    the history folder (default .prompter in the current folder)
  --no-store     keep no history
  --again ID     improve a stored prompt again, from its best version
  --max-chars N  refuse inputs longer than N characters (default 200000)

With --llm the model rewrites in three styles at once; each rewrite must keep every variable, number,
quoted string and code block, and is judged beside the current text in both orders; it is used only when
both orders agree it is at least as good. Otherwise the offline rewrite is used and the result says why.

${MODEL}`;

const LINT = `Usage: prompter lint [--json] [--min N] [--max-chars N] PATH...

Judges every prompt file under the paths, one line per file with its score and weakest axis. A file named
on the command line is always judged. A folder gives its *.prompt.md, *.prompt.txt and *.prompty files,
and its *.md and *.txt files too except README, CHANGELOG, LICENSE and the like; in a repository's root
(a folder holding .git) only *.prompt.md, *.prompt.txt and *.prompty count. node_modules, dist, out and
hidden folders other than .github are skipped. A folder without prompt files is an error (exit 2); judge
and improve expand folders the same way. YAML front matter is not judged. Exits 1 when any file scores
below --min (default 0), so it can gate CI.
  --json         print one JSON array, one entry per file
  --min N        the lowest acceptable total, 0-50
`;

const HISTORY = `Usage: prompter history [--json] [--store DIR] [PROMPT_ID]

Lists the stored prompts with their best scores, or one prompt's versions with their scores
(★ marks the best).
`;

const FEEDBACK = `Usage: prompter feedback [--json] [--store DIR] VERSION_ID accept|reject [--hunks 0,2]

Records a decision on a stored version, as accepting or rejecting in the editor does; the learning loop
steers future rewrites by it. With --hunks, "accept" keeps exactly the listed hunks (numbered from 0 as
in the diff) and "reject" drops exactly those.
`;

const STATS = `Usage: prompter stats [--json] [--store DIR]

Prints the history's metrics: average judge total per week, win and rollback rates, time to result,
usage by engine, acceptance rate, per-strategy statistics and the top patterns in high scorers.
`;

const RESET_LEARNING = `Usage: prompter reset-learning [--json] [--store DIR]

Forgets the learning statistics (which strategies people kept or turned down), so rewrites go back to
using every strategy that applies. Prompts, versions, scores and feedback events are kept.
`;

/** Help text per command, and \`main\` for prompter --help. */
export const USAGE = { main: MAIN, judge: JUDGE, improve: IMPROVE, lint: LINT, history: HISTORY, feedback: FEEDBACK, stats: STATS, 'reset-learning': RESET_LEARNING } as const;
