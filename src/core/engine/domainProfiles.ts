/**
 * The content of a strong prompt for each domain. Square-bracket slots ([…]) are left for the person to
 * fill: the engine never invents facts about their situation, it shows where a fact belongs.
 */
import type { CodeTask, DomainId, DomainProfile } from './domain';

type ProfileBuilder = (language: string | undefined) => Omit<DomainProfile, 'id' | 'inputSlot'>;

const PROFILES: Record<DomainId, ProfileBuilder> = {
  code: (language) => ({
    role: `You are a senior ${language && language !== 'Excel' ? `${language} ` : 'software '}${language ? 'developer' : 'engineer'} who writes clean, tested, well-documented code.`,
    context: `The code is for [what the program does and where it runs]${language ? '' : ', written in [language and version]'}.`,
    deliverables: [
      'Working code with docstrings and comments that explain why, not what',
      'Unit tests that cover the main path and the edge cases',
      'A short note on design choices, edge cases and performance',
    ],
    outputFormat: 'A brief plan, then the code in fenced code blocks, then the tests, then the notes.',
    steps: [
      'Restate the requirements and list any assumptions',
      'Plan the approach step by step before writing code',
      'Implement it, then write tests for normal, edge and error cases',
    ],
    constraints: [
      `${language ?? '[Language]'} version: [version]`,
      'Libraries allowed: [standard library only, or list them]',
      'Inputs and outputs: [types, sizes, formats]',
    ],
    successCriteria: ['The code runs as given, and every test passes', 'Invalid input is handled with a clear error'],
  }),
  data: (language) => ({
    role: `You are a data analyst${language ? ` fluent in ${language}` : ''} who explains results plainly and shows the method.`,
    context: 'The data comes from [source], and the analysis will be used to [decision it informs].',
    deliverables: ['The answer to the question, with the numbers that support it', 'The method or formula used, so it can be repeated'],
    outputFormat: 'A short answer first, then a table of the key figures, then the method in numbered steps.',
    steps: ['Check the data for gaps and odd values', 'Compute the figures the question needs', 'State the result and its limits'],
    constraints: ['Columns and units: [list them]', 'Time range: [start to end]'],
    successCriteria: ['Every number in the answer can be traced to the data or the method'],
  }),
  math: () => ({
    role: 'You are a careful mathematician who checks every step.',
    context: '',
    deliverables: ['The worked solution', 'The final answer on its own line'],
    outputFormat: 'Numbered steps, then a last line of the form "Answer: …".',
    steps: ['Identify the quantities and what is asked', 'Work through the calculation step by step', 'Check the result against the question'],
    constraints: [],
    successCriteria: ['Each step follows from the previous one and the final answer is checked'],
  }),
  marketing: () => ({
    role: 'You are an experienced marketing copywriter who writes clear, persuasive copy for a defined audience.',
    context: 'The piece is for [company or product], and its goal is [what the reader should do or feel].',
    deliverables: ['The copy, ready to use', 'Two alternative subject lines or headlines'],
    outputFormat: 'The copy first, then the alternatives as a short list.',
    steps: ['Lead with what matters most to the reader', 'Support it with one concrete detail', 'Close with a clear next step'],
    constraints: ['Length: [number] words at most', 'Must mention: [key facts, names, dates]'],
    successCriteria: ['A reader knows in the first sentence why it matters to them'],
    audience: 'Audience: [who reads it, and what they already know].',
    tone: 'Tone: [for example warm, confident and direct].',
  }),
  writing: () => ({
    role: 'You are a skilled writer and editor who adapts voice and length to the reader.',
    context: 'It is for [occasion or publication], and the reader should come away with [the main impression].',
    deliverables: ['The finished text, ready to use'],
    outputFormat: 'The text only, with no preamble.',
    steps: ['Decide the one idea the piece must carry', 'Draft it', 'Tighten every sentence that does not serve that idea'],
    constraints: ['Length: [number] words or sentences', 'Include: [names, facts, details that must appear]'],
    successCriteria: ['Every requested detail appears, and the length and tone match the request'],
    audience: 'Audience: [who reads it, and what they already know].',
    tone: 'Tone: [for example friendly and plain].',
  }),
  summary: () => ({
    role: 'You are an editor who writes precise, faithful summaries.',
    context: 'The summary is for [who reads it], who needs to [decide or do what].',
    deliverables: ['A summary of the main points', 'The decisions and action items, with owners where named'],
    outputFormat: 'A one-paragraph overview, then a bulleted list of key points, then action items.',
    steps: ['Read the whole text first', 'Pick the points that change what the reader does', 'Write them in order of importance'],
    constraints: ['Length: overview of 3–5 sentences, at most 7 bullets', 'Use only what the text says; mark anything uncertain'],
    successCriteria: ['Nothing in the summary contradicts or goes beyond the source'],
  }),
  extraction: () => ({
    role: 'You are a meticulous information-extraction assistant.',
    context: 'The results feed [where they are used], so the format must be exact.',
    deliverables: ['Every requested item found in the text, and nothing else'],
    outputFormat: 'One line per category in the form "Category: item, item, …"; write "none" when a category is empty.',
    steps: ['Read the text once for context', 'Extract each category in the order given', 'Check each item appears in the text'],
    constraints: ['Copy items exactly as written in the text'],
    successCriteria: ['Every item can be found verbatim in the input'],
  }),
  translation: () => ({
    role: 'You are a professional translator who preserves meaning, register and formatting.',
    context: 'The translation is for [readers and where it will appear].',
    deliverables: ['The translation', 'Notes on any phrase with no direct equivalent'],
    outputFormat: 'The translated text, then the notes as a short list (omit the list if there are none).',
    steps: ['Read the whole text for meaning', 'Translate it, keeping names, numbers and formatting', 'Reread it as a native reader'],
    constraints: ['Target language and variant: [for example Brazilian Portuguese]', 'Keep placeholders and markup unchanged'],
    successCriteria: ['A native reader would not notice it was translated'],
  }),
  research: () => ({
    role: 'You are a research analyst who separates established facts from interpretation.',
    context: 'The research is for [who reads it] to [decide or understand what].',
    deliverables: ['Key facts with dates, names and figures', 'Their significance, in plain language', 'Where the evidence is weak or disputed'],
    outputFormat: 'Short sections with headings, key facts as bullet points.',
    steps: ['Define the scope of the question', 'Gather the key facts in order', 'Explain what they mean and what is uncertain'],
    constraints: ['Scope: [period, region, aspects to cover]', 'Length: [number] words at most'],
    successCriteria: ['Every claim is specific enough to check'],
  }),
  teaching: () => ({
    role: 'You are a patient teacher who explains ideas with concrete examples.',
    context: 'The learner is [who they are and what they already know].',
    deliverables: ['A clear explanation', 'One concrete example', 'A one-sentence recap'],
    outputFormat: 'A short explanation, then an example, then the recap.',
    steps: ['Start from what the learner knows', 'Introduce one idea at a time', 'Tie the idea to the example'],
    constraints: ['Length: 3–6 sentences for the explanation', 'Use plain words, and define any technical term you need'],
    successCriteria: ['The learner could explain the idea back in their own words'],
    audience: 'Audience: [who is learning, and their level].',
  }),
  support: () => ({
    role: 'You are a friendly, efficient customer-support agent.',
    context: 'The product is [product], and the customer can be referred to [help article or channel].',
    deliverables: ['A reply that diagnoses the problem and gives the next step'],
    // A count, not "several": the judge marks a vague word down in every rewrite this line is added to.
    outputFormat: 'A short, warm reply in plain language, with numbered steps when there are two or more.',
    steps: ['Acknowledge the problem', 'Diagnose it from what the customer said', 'Give the fix or the next step'],
    constraints: ['Ask only for details needed to diagnose the problem; for passwords or personal data, refer to [help article] instead'],
    successCriteria: ['The customer knows exactly what to do next'],
  }),
  general: () => ({
    role: 'You are a knowledgeable assistant who gives direct, well-organised answers.',
    context: 'This is for [who will use the answer and for what].',
    deliverables: ['A direct answer to the request', 'The key reasons or details behind it'],
    outputFormat: 'The answer first, then supporting points as a short list.',
    steps: ['Answer the question directly', 'Support it with the most relevant details', 'Note any important caveats'],
    constraints: ['Length: [number] sentences or words'],
    successCriteria: ['The answer can be acted on without a follow-up question'],
  }),
};

const engineer = (language: string | undefined): string =>
  `senior ${language && language !== 'Excel' ? `${language} ` : 'software '}${language ? 'developer' : 'engineer'}`;
const versionSlot = (language: string | undefined): string =>
  language ? `${language} version and environment: [version, runtime, OS]` : 'Language, version and environment: [for example Python 3.12 on Linux]';

// Code prompts that work on what exists (code, a failure, a bug report) instead of writing new code.
const CODE_TASKS: Record<Exclude<CodeTask, 'write'>, (language: string | undefined) => ReturnType<ProfileBuilder> & { label: string }> = {
  review: (language) => ({
    label: 'code review',
    role: `You are a ${engineer(language)} who reviews code for correctness, security, performance and readability, and explains every finding.`,
    context: `The code is for [what the program does and where it runs]${language ? '' : ', written in [language and version]'}.`,
    deliverables: [
      'Findings ranked by severity (critical, major, minor), each with its line reference, what is wrong and why it matters',
      'A suggested fix for each finding, as a short code change',
      'A one-line verdict: ready, ready after fixes, or needs rework',
    ],
    outputFormat: 'The verdict first, then the findings as a numbered list from most to least severe, each as "severity — file, line N: problem, why it matters, suggested fix".',
    steps: [
      'Read the code once to understand what it is meant to do',
      'Check correctness, edge cases and error handling, then security, performance and readability',
      'Rank the findings by severity and suggest a fix for each',
    ],
    constraints: [
      versionSlot(language),
      'Focus: [correctness, security, performance, readability, or all of them]',
      'Report real problems only; do not rewrite code that works',
    ],
    successCriteria: ['Every finding names a line and says why it is a problem', 'The findings are ordered from most to least severe'],
  }),
  diagnose: (language) => ({
    label: 'debugging',
    role: `You are a ${engineer(language)} who debugs methodically: reproduce the failure, isolate it, find the root cause, then fix it.`,
    context: 'It fails when [steps to reproduce]; it should [expected behaviour] but instead [actual behaviour].',
    deliverables: [
      'The root cause, with the lines responsible',
      'The evidence: how the code, error or logs point to that cause',
      'The smallest fix that removes the cause, and how to confirm it works',
    ],
    outputFormat: 'The root cause first, then the evidence, then the fix in a fenced code block, then how to verify it.',
    steps: [
      'Restate the expected and the actual behaviour',
      'Trace the code path that produces the failure',
      'Name the root cause, then propose the smallest fix that removes it',
    ],
    constraints: [versionSlot(language), 'What was already tried: [changes, and what they did]'],
    successCriteria: ['The root cause accounts for every symptom reported', 'The fix is minimal and comes with a way to confirm it works'],
  }),
  triage: (language) => ({
    label: 'bug triage',
    role: `You are an experienced ${language && language !== 'Excel' ? `${language} ` : 'software '}engineer who triages bug reports: judges severity and impact, and says what to do first.`,
    context: 'It concerns [product or component, and release], used by [who is affected, and how many].',
    deliverables: [
      'A severity rating (critical, high, medium or low) with the reasons for it',
      'Who and what is affected, and how likely it is to happen',
      'The likely cause or area of the code, where the report points to one',
      'The recommended next step and how urgent it is',
    ],
    outputFormat: 'The severity on the first line, then the reasons as bullets (impact, likelihood, likely cause), then the recommended next step and its urgency.',
    steps: [
      'Restate the reported problem and how to reproduce it',
      'Judge the impact: who is affected, how often, and whether data, security or money is at risk',
      'Assign a severity and recommend the next step',
    ],
    constraints: ['Severity scale: [critical / high / medium / low, or your team’s scale]', 'What counts as urgent here: [for example data loss, security, a blocked release]'],
    successCriteria: ['The severity follows from the stated reasons about impact and likelihood', 'The next step is concrete enough to assign to someone'],
  }),
  explain: (language) => ({
    label: 'code explanation',
    role: `You are a ${engineer(language)} who explains code clearly, at the reader's level.`,
    context: 'The explanation is for [who reads it, and what they already know].',
    deliverables: [
      'What the code does, in one or two sentences',
      'A walk-through of the main parts, with line references',
      'Anything surprising: side effects, edge cases, hidden assumptions',
    ],
    outputFormat: 'A short summary, then the walk-through as numbered steps in the order the code runs.',
    steps: ['State the purpose of the code', 'Walk through it in the order it runs', 'Point out anything non-obvious'],
    constraints: ['Depth: [overview, or line by line]', 'Define any term the reader may not know'],
    successCriteria: ['A reader at the stated level could explain the code back in their own words'],
  }),
};

/** Options that specialise a profile to the request. */
export interface ProfileOptions {
  /** For code prompts: the kind of work asked for (writing code by default). */
  codeTask?: CodeTask;
  /** The input slot's placeholder, when the request names its material. */
  inputSlot?: string;
}

/** The profile for a domain, specialised to a programming language or tool when one is named. */
export function profileFor(id: DomainId, language?: string, options: ProfileOptions = {}): DomainProfile {
  const defaultSlot = id === 'code' ? '[paste the code here]' : '[paste the text here]';
  const codeTask = id === 'code' ? (options.codeTask ?? 'write') : undefined;
  if (codeTask && codeTask !== 'write') {
    return { id, codeTask, needsMaterial: true, inputSlot: options.inputSlot ?? defaultSlot, ...CODE_TASKS[codeTask](language) };
  }
  return { id, ...(codeTask ? { codeTask } : {}), inputSlot: options.inputSlot ?? defaultSlot, ...PROFILES[id](language) };
}
