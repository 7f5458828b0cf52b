/**
 * Word lists the analysis reads prompts with. Kept in one place so the judge, the engine and the
 * diagnostics agree on what "vague", "filler" or "an instruction" means.
 *
 * NOTE: lists are lower-case and matched against whole words; they describe the language of requests
 * in general, not any particular evaluation set.
 */

const set = (words: string): ReadonlySet<string> => new Set(words.trim().split(/\s+/));

/** Verbs that open an instruction ("Write…", "Summarize…"). */
export const IMPERATIVE_VERBS = set(`
  act add adapt address adjust analyse analyze annotate answer apply argue arrange assess assign attempt audit
  brainstorm break build calculate categorize categorise change check choose cite clarify classify clean
  collect combine comment compare compile complete compose compute condense configure construct convert
  correct count create critique debug decide define deploy derive describe design detect determine develop
  diagnose document draft edit enumerate estimate evaluate explain explore export extract fill find fix
  flag follow format formulate generate give group guess help highlight identify implement improve include
  infer interpret investigate justify label list locate look make map match measure merge migrate model
  name normalize normalise optimize optimise order organize organise outline paraphrase parse pick plan
  point polish predict prepare present prioritize prioritise produce proofread propose prove provide
  publish rank rate read recommend reduce refactor reformat refer reply report research resolve respond
  restructure return review revise rewrite run scan score select send separate show simplify solve sort
  specify split state suggest summarise summarize support tag teach tell test think trace track train
  transcribe transform translate troubleshoot turn update use validate verify visualize visualise write
`);

/** Words that make a requirement fuzzy unless a number pins it down. */
export const VAGUE_WORDS = set(`
  some several various fairly somewhat quite pretty rather really very stuff things thing etc good nice
  better best properly proper appropriate appropriately decent reasonable reasonably relevant interesting
  awesome great amazing cool bit little lot lots many few whatever something anything everything kinda
  sorta basically simply just maybe perhaps probably generally usually nicely
`);

/** Multi-word vague phrases, matched on the lower-cased text. */
export const VAGUE_PHRASES: readonly string[] = [
  'a few', 'a bit', 'a little', 'not too', 'too much', 'kind of', 'sort of', 'and so on', 'or something',
  'as needed', 'if needed', 'and stuff', 'more or less', 'or so', 'not very', "don't be too", 'do not be too',
];

/** Words that only carry politeness or enthusiasm; a sentence made of these and stop words adds nothing. */
export const FILLER_WORDS = set(`
  please kindly thank thanks thankyou appreciate appreciated appreciation grateful gratitude really very so
  much many lot lots help helpful great awesome amazing wonderful fantastic excellent best good nice perfect
  hope hoping wish love would could can will may might be do does did done sure certainly absolutely
  advance job work effort try trying careful carefully thorough thoroughly hard super incredibly truly
  kind kindness assistance assist cheers regards hello hi hey dear friend buddy pal ok okay awesome
  lovely brilliant fine totally definitely genuinely sincerely happy glad pleasure time patience
  ai assistant chatgpt model bot again always make makes give effort efforts it
`);

/** Function words: no content of their own. */
export const STOP_WORDS = set(`
  a an the and or but nor so yet for of to in on at by with from into onto about as than then that this
  these those there here it its it's is are was were be been being am do does did have has had having i
  me my mine we us our ours you your yours he him his she her hers they them their theirs what which who
  whom whose when where why how all any both each either neither no not only own same such too very can
  will just should now if else because while until up down out over under again further once also i'm
  you're we're they're let let's
`);

/** Nouns that make a number a measurable constraint ("3 bullet points", "500 words"). */
export const UNIT_WORDS = set(`
  sentence sentences paragraph paragraphs word words line lines bullet bullets point points item items
  character characters char chars page pages minute minutes second seconds hour hours day days week weeks
  month months year years step steps example examples question questions option options idea ideas
  tweet tweets slide slides section sections column columns row rows token tokens entity entities
  tip tips reason reasons sample samples variant variants alternative alternatives headline headlines
  title titles name names stanza stanzas verse verses chapter chapters test tests case cases ms kb mb
  percent % px pt dollars usd eur
`);

/** Words that name an output shape. */
export const FORMAT_WORDS = set(`
  json yaml xml csv tsv markdown table tables list lists bullet bullets bulleted numbered paragraph
  paragraphs heading headings headline outline summary tldr diagram chart snippet schema template format formatted essay email letter memo report poem haiku tweet slide slides
  checklist matrix sql regex html css diff patch commit docstring docstrings
`);

/**
 * Words around a format word that say it names material the prompt hands over ("this bug report", "the
 * table below"), not the shape of the answer ("write a report", "in a table"). Used by `namesAnswerFormat`.
 */
export const MATERIAL_CONTEXT = {
  /** Determiners that point at something that exists already ("that" is left out: "a function that returns JSON"). */
  demonstratives: set('this these those'),
  /** Possessives: material, unless a producing verb asks for it ("proofread my essay" / "write my essay"). */
  possessives: set('my our his her their'),
  /** Words beside a noun that say it is given ("the attached table", "the report below", "Here is a …"). */
  pointers: set(`attached following above below provided pasted enclosed given existing original here here's`),
  /** Prepositions after which any noun is worked on ("the names from a CSV"). */
  sources: set('from'),
  /** Prepositions after which "the X" is worked on ("bugs in the diff", "look at the report"), while "a X" is made ("in a table"). */
  prepositions: set('of about in on within inside at through over'),
  /** Verbs whose object is the answer itself ("write the report", "return the list", "use the following template"). */
  producingVerbs: set('write draft create produce generate prepare compose make build return give output provide fill complete render print emit use follow match'),
  /** Format words that name a shape to follow even when pointed at ("use this template"). */
  shapesToFollow: set('format formatted template schema'),
} as const;

/** Words that say who the output is for. */
export const AUDIENCE_WORDS = set(`
  audience reader readers user users customer customers student students beginner beginners novice novices
  expert experts developer developers engineer engineers executive executives manager managers team
  stakeholders children kids child teenager teenagers adult adults client clients colleague colleagues
  layperson laypeople non-technical newcomer newcomers investors recruiters patients parents
`);

/** Words that set a register or voice. */
export const TONE_WORDS = set(`
  tone voice style formal informal casual friendly professional playful persuasive neutral warm concise
  humorous serious empathetic inspiring upbeat exuberant enthusiastic academic conversational technical
  plain witty polite confident authoritative
`);

/** Headings that name the parts of a well-formed prompt; an empty one is scaffolding, not content. */
export const RUBRIC_HEADINGS = set(`
  role persona task goal objective context background input inputs data output outputs format
  constraints constraint requirements rules guidelines instructions steps deliverables deliverable
  examples example audience tone style notes success criteria assumptions questions approach plan
`);

/** Openers of a statement about the user's own situation, goal or data. */
export const CONTEXT_OPENERS: readonly string[] = [
  'i want', 'i need', "i'm ", 'i am ', 'i have', 'we want', 'we need', 'we are', "we're", 'we have',
  'my ', 'our ', 'the goal', 'the purpose', 'this is for', 'it will be used', 'the context', 'background',
  'because ', 'so that', 'in order to', 'the reader', 'the audience', 'it should',
];

/** Phrases that ask the model to reason before answering. */
export const REASONING_PHRASES: readonly string[] = [
  'step by step', 'step-by-step', 'think through', 'reason through', 'show your work', 'show your reasoning',
  'explain your reasoning', 'walk through', 'breaking the problem', 'break the problem', 'into steps',
  'chain of thought', 'before answering', 'first think', 'work out', 'think carefully about',
];

/** Words that, at the start of a line, name a programming construct (a completion cue when a prompt ends with one). */
export const CODE_LEAD_WORDS = set(`
  import from def class function const let var select with package using #include public private fn
  async export interface type struct module require return
`);

/** Bit flags of the word classes above, for one lookup per word in hot loops. */
export const WordClass = {
  stop: 1,
  filler: 2,
  vague: 4,
  format: 8,
  audience: 16,
  tone: 32,
  unit: 64,
  imperative: 128,
  step: 256,
} as const;

/** Sequencing words ("first", "then", "finally"). */
export const STEP_WORDS = set('first firstly then next finally afterwards lastly second secondly third thirdly');

/** Every listed word with the classes it belongs to. */
export const WORD_CLASSES: ReadonlyMap<string, number> = (() => {
  const classes = new Map<string, number>();
  const mark = (words: ReadonlySet<string>, flag: number): void => {
    for (const word of words) classes.set(word, (classes.get(word) ?? 0) | flag);
  };
  mark(STOP_WORDS, WordClass.stop);
  mark(FILLER_WORDS, WordClass.filler);
  mark(VAGUE_WORDS, WordClass.vague);
  mark(FORMAT_WORDS, WordClass.format);
  mark(AUDIENCE_WORDS, WordClass.audience);
  mark(TONE_WORDS, WordClass.tone);
  mark(UNIT_WORDS, WordClass.unit);
  mark(IMPERATIVE_VERBS, WordClass.imperative);
  mark(STEP_WORDS, WordClass.step);
  return classes;
})();
