import * as assert from 'node:assert/strict';
import { checkPromptText, decodePromptBytes } from '../../../src/core/input/promptInput';

describe('prompt input checks', () => {
  it('text that is mostly control characters is refused as binary, saying why', () => {
    const garbage = '\u0001\u0002\u0003PK\u0004\u0014\u0006\u0008\u0007\u001b\u007f\u0090x\ufffd\ufffd';
    const checked = checkPromptText(garbage);
    assert.equal(checked.ok, false);
    if (checked.ok) return;
    assert.equal(checked.problem, 'binary');
    assert.match(checked.message, /mostly control characters/);
  });

  it('bytes decoded from a binary file without NUL bytes are refused too', () => {
    const bytes = Uint8Array.from([0x1b, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x41, 0x0e]);
    const checked = decodePromptBytes(bytes);
    assert.equal(checked.ok, false);
    if (!checked.ok) assert.equal(checked.problem, 'binary');
  });

  it('a prompt with a stray control character or a few terminal colour codes is still a prompt', () => {
    for (const text of [
      'Summarize this article for me.\u000c Keep it short.',
      'Explain this error: \u001b[31mTypeError: x is undefined\u001b[0m at line 3 of app.js, and how to fix it.',
    ]) {
      assert.equal(checkPromptText(text).ok, true, JSON.stringify(text));
    }
  });

  it('odd Unicode is text: CJK, right-to-left, emoji with joiners, combining marks', () => {
    for (const text of ['把这段文字总结成三句话。', 'لخص هذا النص في ثلاث جمل', 'Write a tweet 👩‍💻🏳️‍🌈 about our launch', 'Cafe\u0301 menu: describe each dish']) {
      assert.equal(checkPromptText(text).ok, true, text);
    }
  });
});
