/**
 * Speed figures for the report (issue 4 §7), measured in the real host and printed, never asserted:
 * from the Improve Prompt command to the inline diff written and decorated, and to the result panel's
 * webview reporting the result on screen, at the median.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import type { PrompterApi } from '../../src/api';
import { closeAll, improve, openScratch, prompterApi, prompterLogs, selectBetween, SURROUNDED, until } from './helpers';
import { nextRender } from './panelHelpers';
import { markedLog } from './suiteOutput';

suite('speed (printed, not asserted)', () => {
  let api: PrompterApi;
  suiteSetup(async () => {
    api = await prompterApi();
  });
  teardown(closeAll);

  test('command → inline diff shown and → panel rendered, median of 15 runs', async function () {
    // Fifteen improve runs, each waiting for the webview: slow on a loaded machine.
    this.timeout(120_000);
    const editor = await openScratch(SURROUNDED);
    const inCommand: number[] = [];
    const engine: number[] = [];
    const roundTrip: number[] = [];
    const panelRendered: number[] = [];
    let painted = 0;
    for (let run = 0; run < 15; run += 1) {
      selectBetween(editor, 'Summarize', 'too long.\n');
      // The panel is reused: wait for this run's state (an open inline diff), not the last run's rejection.
      const rendered = nextRender(api, (state) => state.origin.kind === 'inlineDiff' && state.origin.decision === 'open', 40_000);
      const started = performance.now();
      const outcome = await improve();
      roundTrip.push(performance.now() - started);
      assert.equal(outcome.status, 'shown');
      if (outcome.status === 'shown') {
        inCommand.push(outcome.elapsedMs);
        engine.push(outcome.engineMs);
      }
      const render = await rendered;
      panelRendered.push(render.renderedAt - started);
      if (render.painted) painted += 1;
      await vscode.commands.executeCommand('prompter.rejectAllChanges');
      assert.equal(editor.document.getText(), SURROUNDED);
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!.toFixed(1);
    markedLog(
      `      speed: engine ${median(engine)} ms, command to diff shown ${median(inCommand)} ms, command to panel rendered ${median(panelRendered)} ms (${painted} of 15 after a drawn frame), executeCommand round trip ${median(roundTrip)} ms (median of 15)`,
    );
    // The first run opened the panel (the suite starts with every editor closed): its webview loaded first.
    markedLog(`      speed: command to panel rendered, first run with a new panel: ${panelRendered[0]!.toFixed(1)} ms`);
  });

  test('activation time, from the log', async () => {
    // activate() times itself (registering everything, no I/O); loading the bundle is VS Code's part.
    const logs = prompterLogs();
    if (logs === undefined) return; // desktop VS Code keeps its logs elsewhere
    const activated = () => logs().flatMap((path) => readFileSync(path, 'utf8').split('\n')).map((line) => / activated in ([\d.]+) ms/.exec(line)?.[1]).find(Boolean);
    await until(() => activated() !== undefined, 'the activation line in the log on disk', 10_000);
    markedLog(`      speed: activate() ${activated()} ms`);
  });
});
