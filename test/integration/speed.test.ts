/**
 * Speed figures for the report (issue 4 §7), measured in the real host and printed, never asserted:
 * from the Improve Prompt command to the inline diff written and decorated, at the median.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAll, improve, openScratch, prompterApi, selectBetween, SURROUNDED } from './helpers';
import { markedLog } from './suiteOutput';

suite('speed (printed, not asserted)', () => {
  suiteSetup(prompterApi);
  teardown(closeAll);

  test('command → inline diff shown, median of 15 runs', async () => {
    const editor = await openScratch(SURROUNDED);
    const inCommand: number[] = [];
    const engine: number[] = [];
    const roundTrip: number[] = [];
    for (let run = 0; run < 15; run += 1) {
      selectBetween(editor, 'Summarize', 'too long.\n');
      const started = performance.now();
      const outcome = await improve();
      roundTrip.push(performance.now() - started);
      assert.equal(outcome.status, 'shown');
      if (outcome.status === 'shown') {
        inCommand.push(outcome.elapsedMs);
        engine.push(outcome.engineMs);
      }
      await vscode.commands.executeCommand('prompter.rejectAllChanges');
      assert.equal(editor.document.getText(), SURROUNDED);
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!.toFixed(1);
    markedLog(`      speed: engine ${median(engine)} ms, command to diff shown ${median(inCommand)} ms, executeCommand round trip ${median(roundTrip)} ms (median of 15)`);
  });
});
