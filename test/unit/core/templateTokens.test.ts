import { strict as assert } from 'node:assert';
import { keptEverything, keptReport, templateTokens } from '../../../src/core/analysis/templateTokens';

describe('template tokens', () => {
  it('finds every variable form', () => {
    const text = 'Hi {{name}}, see ${path} and {topic} for <customer_name> in [COUNTRY]. Not [1], [x], or <b>bold</b>.';
    assert.deepEqual(templateTokens(text).variables.sort(), ['${path}', '<customer_name>', '[COUNTRY]', '{topic}', '{{name}}'].sort());
  });

  it('finds numbers, quoted strings and code fences', () => {
    const text = 'Use 3 to 5 sentences, about 2.5% of "the report" and `createUser`.\n```ts\nconst a = 1;\n```';
    const tokens = templateTokens(text);
    assert.deepEqual(tokens.numbers, ['3', '5', '2.5%', '1']);
    assert.deepEqual(tokens.quotedStrings, ['"the report"', '`createUser`']);
    assert.deepEqual(tokens.codeFences, ['```ts\nconst a = 1;\n```']);
  });

  it('reports what a rewrite kept and what it dropped', () => {
    const original = 'Email {{name}} about the 3 invoices from "Acme".';
    const good = keptReport(original, `Task: ${original}\nTone: friendly`);
    assert.equal(good.summary, 'kept 1/1 variables, 1/1 numbers, 1/1 quoted strings');
    assert.ok(keptEverything(good));
    const bad = keptReport(original, 'Email the customer about 13 invoices from Acme.');
    assert.deepEqual(bad.variables.missing, ['{{name}}']);
    assert.deepEqual(bad.numbers.missing, ['3'], 'a number inside another number does not count as kept');
    assert.deepEqual(bad.quotedStrings.missing, ['"Acme"']);
    assert.ok(!keptEverything(bad));
  });
});
