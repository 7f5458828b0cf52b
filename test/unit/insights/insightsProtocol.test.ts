import { strict as assert } from 'node:assert';
import { parseInsightsMessage } from '../../../src/shared/insightsProtocol';

describe('insights protocol', () => {
  it('accepts the webview’s messages as they are defined', () => {
    assert.deepEqual(parseInsightsMessage({ type: 'ready' }), { type: 'ready' });
    assert.deepEqual(parseInsightsMessage({ type: 'rendered', generation: 3, ms: 41.5 }), { type: 'rendered', generation: 3, ms: 41.5 });
    assert.deepEqual(parseInsightsMessage({ type: 'export', format: 'csv' }), { type: 'export', format: 'csv' });
    assert.deepEqual(parseInsightsMessage({ type: 'selectStore', key: 'file:///w/a/.prompter', extra: 1 }), { type: 'selectStore', key: 'file:///w/a/.prompter' }, 'extra fields are dropped');
  });

  it('ignores anything else', () => {
    for (const bad of [null, 'ready', 42, {}, { type: 'export', format: 'xlsx' }, { type: 'rendered', generation: '3', ms: 1 }, { type: 'rendered', generation: 3, ms: Number.NaN }, { type: 'selectStore', key: '' }, { type: 'selectStore', key: 'x'.repeat(5000) }, { type: 'refresh' }, { type: 'state' }]) {
      assert.equal(parseInsightsMessage(bad), undefined, JSON.stringify(bad));
    }
  });
});
