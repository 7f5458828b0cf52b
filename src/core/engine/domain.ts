/**
 * What kind of work a prompt asks for, and what a strong prompt for that kind of work contains: the role,
 * the deliverables, the output shape, the steps, the constraints worth pinning down and how to tell the
 * answer is done. The engine fills only what the prompt lacks from the matching profile.
 */
import { lowerWords } from '../text/tokens';

/** The kinds of work the engine knows how to frame. */
export type DomainId =
  | 'code'
  | 'data'
  | 'math'
  | 'marketing'
  | 'writing'
  | 'summary'
  | 'extraction'
  | 'translation'
  | 'research'
  | 'teaching'
  | 'support'
  | 'general';

/**
 * What a code prompt asks for: writing code (the default), or working on code or reports that exist
 * already — reviewing, diagnosing a failure, triaging a bug report, explaining code. Each gets its own
 * role, deliverables and success criteria instead of "implement it, then write tests".
 */
export type CodeTask = 'write' | 'review' | 'diagnose' | 'triage' | 'explain';

/** What a strong prompt in one domain contains. */
export interface DomainProfile {
  id: DomainId;
  /** For code prompts, the kind of work asked for (absent elsewhere). */
  codeTask?: CodeTask;
  /** How explanation bullets name the task ("code review"); the domain id when absent. */
  label?: string;
  /** The placeholder an input slot holds ("[paste the bug report here]"). */
  inputSlot: string;
  /** True when the task works on material the person must supply (code to review, a bug report). */
  needsMaterial?: boolean;
  role: string;
  /** A sentence of background the person should complete (kept as a placeholder). */
  context: string;
  deliverables: string[];
  outputFormat: string;
  steps: string[];
  constraints: string[];
  successCriteria: string[];
  /** Who reads the result, for domains where that changes the answer. */
  audience?: string;
  /** The register, for domains where that changes the answer. */
  tone?: string;
}

interface DomainCue {
  id: DomainId;
  words: string[];
  weight?: number;
}

// Words that point at a domain; whole words, lower case. A prompt goes to the domain with the most weight.
const CUES: DomainCue[] = [
  { id: 'code', words: ['code', 'coding', 'function', 'class', 'bug', 'debug', 'refactor', 'implement', 'api', 'script', 'compile', 'unit', 'regex', 'parser', 'algorithm', 'program', 'typescript', 'javascript', 'python', 'java', 'rust', 'golang', 'c#', 'c++', 'kotlin', 'swift', 'ruby', 'php', 'html', 'css', 'react', 'node', 'endpoint', 'repository', 'stack', 'exception', 'import', 'def', 'fibonacci', 'pull request', 'stack trace', 'traceback', 'codebase', 'triage'], weight: 1.2 },
  { id: 'data', words: ['data', 'dataset', 'csv', 'excel', 'spreadsheet', 'sql', 'query', 'table', 'column', 'columns', 'rows', 'chart', 'metrics', 'statistics', 'average', 'trend', 'analyze', 'analyse', 'analysis', 'pandas', 'dashboard', 'totals', 'sum', 'quarter', 'quarterly', 'revenue', 'growth', 'biggest', 'highest', 'lowest', 'median', 'percent', 'per month', 'kpi', 'drop'] },
  { id: 'math', words: ['calculate', 'solve', 'equation', 'sum', 'odd', 'even', 'numbers', 'how many', 'probability', 'math', 'arithmetic', 'proof', 'prove', 'integral', 'percentage'] },
  { id: 'marketing', words: ['marketing', 'campaign', 'ad', 'ads', 'newsletter', 'brand', 'product', 'launch', 'slogan', 'tagline', 'landing', 'seo', 'audience', 'customers', 'promotion', 'promote', 'sales', 'sale', 'discount', 'offer', 'promo', 'conversion', 'subscribers'], weight: 1.1 },
  { id: 'writing', words: ['write', 'poem', 'story', 'essay', 'article', 'blog', 'post', 'letter', 'email', 'introduction', 'description', 'review', 'speech', 'draft', 'rewrite', 'edit', 'proofread', 'tone', 'headline', 'copy'] },
  { id: 'summary', words: ['summarize', 'summarise', 'summary', 'tl;dr', 'tldr', 'condense', 'key points', 'meeting notes', 'recap', 'minutes'], weight: 1.5 },
  { id: 'extraction', words: ['extract', 'entities', 'entity', 'classify', 'categorize', 'categorise', 'label', 'tag', 'parse', 'fields', 'sentiment'], weight: 1.4 },
  { id: 'translation', words: ['translate', 'translation', 'english', 'french', 'german', 'spanish', 'japanese', 'chinese', 'localize', 'localise'], weight: 1.6 },
  { id: 'research', words: ['research', 'sources', 'compare', 'comparison', 'pros', 'cons', 'evidence', 'literature', 'market', 'competitors', 'history', 'historical', 'war', 'causes', 'why'] },
  { id: 'teaching', words: ['explain', 'teach', 'concept', 'understand', 'learn', 'student', 'beginner', 'lesson', 'what is', 'how does', 'how do'] },
  { id: 'support', words: ['customer', 'agent', 'support', 'ticket', 'complaint', 'refund', 'account', 'log in', 'login', 'password', 'recommend', 'chatbot', 'assistant'], weight: 1.1 },
];

const LANGUAGES: Record<string, string> = {
  python: 'Python', typescript: 'TypeScript', javascript: 'JavaScript', java: 'Java', rust: 'Rust',
  golang: 'Go', go: 'Go', kotlin: 'Kotlin', swift: 'Swift', ruby: 'Ruby', php: 'PHP', sql: 'SQL',
  'c#': 'C#', 'c++': 'C++', bash: 'Bash', react: 'React', html: 'HTML', css: 'CSS', excel: 'Excel',
};

// "go" alone is too common an English word: count it only as "in go", "go code" and the like.
const LANGUAGE_PATTERNS: [RegExp, string][] = Object.entries(LANGUAGES).map(([key, name]) => [
  key === 'go'
    ? /\b(?:in|using|with) go\b|\bgo (?:code|program|function|module)\b/
    : new RegExp(`(?<![\\p{L}])${key.replace(/\+/g, '\\+')}(?![\\p{L}+#])`, 'u'),
  name,
]);

/** The programming language (or tool) a prompt names, if any. */
export function detectLanguage(text: string): string | undefined {
  const lowered = text.length > 20_000 ? text.slice(0, 20_000).toLowerCase() : text.toLowerCase();
  for (const [pattern, name] of LANGUAGE_PATTERNS) if (pattern.test(lowered)) return name;
  if (/^\s*(?:def |import |from \S+ import )/m.test(text)) return 'Python';
  return undefined;
}

function scoreDomains(text: string): Map<DomainId, number> {
  const lowered = text.toLowerCase();
  const words = new Set(lowerWords(lowered));
  const scores = new Map<DomainId, number>();
  for (const cue of CUES) {
    let hits = 0;
    for (const word of cue.words) {
      if (word.includes(' ') || /[^\p{L}]/u.test(word) ? lowered.includes(word) : words.has(word)) hits += 1;
    }
    if (hits > 0) scores.set(cue.id, hits * (cue.weight ?? 1));
  }
  return scores;
}

// Marketing words (product, sales) also appear in questions about data; marketing means writing copy.
const COMPOSES = /\b(?:write|draft|create|compose|craft|email|post|copy|ad|ads|slogan|tagline|newsletter|campaign|announce|announcing|promote)\b/i;

/** The domain a prompt belongs to (ties go to the earlier, more specific domain in the cue list). */
export function detectDomain(text: string): DomainId {
  const sample = text.length > 20_000 ? text.slice(0, 20_000) : text;
  const scores = scoreDomains(sample);
  if (!COMPOSES.test(sample)) scores.set('marketing', (scores.get('marketing') ?? 0) / 2);
  let best: DomainId = 'general';
  let bestScore = 0;
  for (const cue of CUES) {
    const score = scores.get(cue.id) ?? 0;
    if (score > bestScore) {
      best = cue.id;
      bestScore = score;
    }
  }
  return best;
}

// The verbs that say which kind of code work a prompt asks for. The earliest one in the prompt decides
// ("Review my code and fix the bugs" is a review; "Write a parser, then explain it" is writing).
const CODE_TASK_CUES: [CodeTask, RegExp][] = [
  ['write', /\b(?:write|implement|build|create|generate|refactor|fix|develop|port|convert|rewrite|optimi[sz]e|design)\b/i],
  ['review', /\b(?:review|audit|critique|critici[sz]e|inspect|look over)\b|\bwhat(?:'|’)?s wrong\b|\bwhat is wrong\b|\bcheck (?:my|this|the|our) (?:code|function|script|class|pr|pull request|diff)\b|\bfeedback on (?:my|this|the|our)\b/i],
  ['diagnose', /\b(?:debug|diagnose|troubleshoot|root cause)\b|\bwhy (?:does|is|do|are|did|am|would)\b[^.?!\n]{0,60}\b(?:fail|fails|failing|crash|crashes|crashing|error|errors|throw|throws|break|breaks|hang|hangs|wrong|none|null|undefined|nan)\b|\b(?:doesn(?:'|’)?t|does not|isn(?:'|’)?t|is not|not) work(?:ing)?\b/i],
  ['triage', /\b(?:triage|assess|severity|prioriti[sz]e)\b|\bhow (?:bad|serious|severe|critical|urgent)\b|\bevaluate (?:the|this|a) (?:bug|issue|report|crash|incident)\b/i],
  ['explain', /\b(?:explain|walk me through|what does|how does)\b[^.?!\n]{0,60}?\b(?:this|the|my|our|following|below|above)\s+(?:\w+\s+)?(?:code|function|script|snippet|class|method|regex|query|program|lines?|file|module|component)\b/i],
];

/** The kind of code work a prompt asks for: the earliest cue wins, writing when none is found. */
export function detectCodeTask(text: string): CodeTask {
  const sample = text.length > 20_000 ? text.slice(0, 20_000) : text;
  let best: CodeTask = 'write';
  let bestIndex = Infinity;
  for (const [task, pattern] of CODE_TASK_CUES) {
    const index = sample.search(pattern);
    if (index >= 0 && index < bestIndex) {
      best = task;
      bestIndex = index;
    }
  }
  return best;
}

// What the person may have to paste, by the words the prompt uses for it; the first one named wins.
const MATERIALS: [RegExp, string][] = [
  [/\bbug reports?\b/i, 'the bug report'],
  [/\bcrash reports?\b/i, 'the crash report'],
  [/\b(?:stack ?traces?|tracebacks?)\b/i, 'the stack trace'],
  [/\berror messages?\b/i, 'the error message'],
  [/\blogs\b|\b(?:error|server|crash) log\b|\blog (?:file|output|excerpt)s?\b/i, 'the logs'],
  [/\b(?:pull requests?|prs?|diffs?|patch)\b/i, 'the diff'],
  // "issue" also means a problem ("security issues"): only a triage names the report it works on so.
  [/\b(?:the|this|that|an?|github|jira) (?:issue|ticket)\b/i, 'the issue'],
];

/** The input slot for a code task: named after the material the prompt mentions. */
export function codeInputSlot(text: string, task: CodeTask): string {
  const sample = text.length > 20_000 ? text.slice(0, 20_000) : text;
  if (task === 'write') return '[paste the code here]';
  let named: string | undefined;
  let namedIndex = Infinity;
  for (const [pattern, name] of MATERIALS) {
    if (name === 'the issue' && task !== 'triage') continue;
    const index = sample.search(pattern);
    if (index >= 0 && index < namedIndex) {
      named = name;
      namedIndex = index;
    }
  }
  if (named) return `[paste ${named} here]`;
  switch (task) {
    case 'review':
      return '[paste the code to review here]';
    case 'diagnose':
      return '[paste the code and the error it gives here]';
    case 'triage':
      return '[paste the bug report here]';
    case 'explain':
      return '[paste the code to explain here]';
  }
}
