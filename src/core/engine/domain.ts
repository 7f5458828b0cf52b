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

/** What a strong prompt in one domain contains. */
export interface DomainProfile {
  id: DomainId;
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
  { id: 'code', words: ['code', 'coding', 'function', 'class', 'bug', 'debug', 'refactor', 'implement', 'api', 'script', 'compile', 'unit', 'regex', 'parser', 'algorithm', 'program', 'typescript', 'javascript', 'python', 'java', 'rust', 'golang', 'c#', 'c++', 'kotlin', 'swift', 'ruby', 'php', 'html', 'css', 'react', 'node', 'endpoint', 'repository', 'stack', 'exception', 'import', 'def', 'fibonacci'], weight: 1.2 },
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
