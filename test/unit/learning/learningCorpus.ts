/**
 * Prompts the learning tests rewrite, round after round: written for these tests, varied in domain
 * (code, data, writing, math, support, planning), length and layout, so a strategy's fate is learned
 * across many kinds of rewrite rather than one.
 */
export const LEARNING_CORPUS: readonly string[] = [
  'Write a Go function that deduplicates a slice of strings while keeping the original order.',
  'Explain how a hash map handles collisions.',
  'Draft a polite reply to a customer whose parcel arrived two weeks late.',
  'Which of our three pricing tiers brought in the most revenue last quarter? The figures are in {{sales_table}}.',
  'Give me ideas for a team offsite.',
  'Convert this SQL query to use a CTE instead of nested subqueries:\n```sql\nSELECT * FROM (SELECT id, total FROM orders WHERE total > 100) t WHERE t.id IN (SELECT order_id FROM refunds);\n```',
  'A train leaves at 14:05 and travels 186 km at 62 km/h. When does it arrive, and how long would it take at 93 km/h?',
  'Write a short LinkedIn post about our new open-source logging library, {library_name}.',
  'Summarize the following incident report for the leadership team.\n\n<report>\n[incident text]\n</report>',
  'Plan a two-week study schedule for the AWS Solutions Architect exam.',
  'Review my cover letter and tell me what to change.',
  'Write unit tests for a TypeScript function that validates e-mail addresses.',
  'Create a recipe for a vegan lasagna that serves 6.',
  'Task: write a README section on installing the CLI.\nAudience: developers new to the project.',
  'Compare PostgreSQL and MongoDB for an app that stores user profiles and chat messages.',
  'Suggest five names for a bakery that specialises in sourdough.',
  'Translate the product description in [DESCRIPTION] into Spanish and German.',
  'What is the derivative of x^3 * sin(x)? Show it for x = 2 as well.',
  'Write a bash script that backs up /var/www to an S3 bucket every night.',
  'Help me prepare for a salary negotiation.',
];
