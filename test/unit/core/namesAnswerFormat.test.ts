import { strict as assert } from 'node:assert';
import { analyzePrompt } from '../../../src/core/analysis/promptFeatures';
import { judgePrompt } from '../../../src/core/judge/judgePrompt';

const namesFormat = (text: string): boolean => analyzePrompt(text).outputFormat;

describe('a format word names the answer’s format only when it is not the material', () => {
  it('material pointed at, presented or worked on is not a format', () => {
    const material = [
      'Triage this bug report and tell me how bad it is.',
      'Explain the crash report below.',
      'Here is an incident report from last night. Who should be paged?',
      'Below is the JSON our API returned. Why does the client reject it?',
      'Look at the attached table and tell me which region is shrinking.',
      'Proofread my essay for comma splices.',
      'Summarize these bullet points for the release notes.',
      'Given a list of integers, return the sum of the odd ones.',
      'Pull the invoice numbers from a CSV export and count them.',
      'Find the typos in the email my manager sent.',
      'Fix this SQL so it stops timing out.',
      'Review the diff and say what it breaks.',
      'Go through the error report and tell me what failed first.',
      'Have a look at the table and say which column is odd.',
    ];
    for (const text of material) assert.equal(namesFormat(text), false, text);
  });

  it('a format asked for still counts, also beside material', () => {
    const formats = [
      'Write a report on churn for the board.',
      'Write a one-page report for the finance team.',
      'Summarize the findings as a report.',
      'Put the totals in a table.',
      'Return JSON with the keys name and age.',
      'Draft our quarterly report for investors.',
      'Turn this CSV into a markdown table.',
      'Triage this bug report and answer in three bullet points.',
      'Use the following template: Name — Role — Start date.',
      'Complete the table below with the missing totals.',
      'Give me a list of ten names for a bakery.',
      'Report the top three risks.',
      'Write a Go handler that returns JSON.',
    ];
    for (const text of formats) assert.equal(namesFormat(text), true, text);
  });

  it('reads the words around the noun within one clause only', () => {
    // The determiner before a full stop or a line break belongs to another clause.
    assert.equal(namesFormat('Read this.\nReport what fails.'), true);
    assert.equal(namesFormat('Check this, report the result.'), true);
  });

  it('the judge credits no format for material alone, and asks for one', () => {
    const material = judgePrompt('Triage this crash report and tell me how urgent it is.');
    const asked = judgePrompt('Triage this crash report and tell me in a table how urgent it is.');
    assert.ok(!material.feedback.pros.includes('Names the output format.'));
    assert.ok(material.suggestions.some((s) => s.rule === 'no-output-format'));
    assert.ok(asked.feedback.pros.includes('Names the output format.'));
    assert.ok(asked.specificity > material.specificity);
  });
});
