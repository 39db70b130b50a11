import * as assert from 'node:assert/strict';
import { nodeDetailsText } from '../../../src/core/tree/details';
import { NOW, aDaemon, service } from '../health-view/builders';

describe('Copy Details of a tree row', () => {
  const offline = aDaemon('alpha')
    .inState('offline', 'Connection refused (/api/snapshot).')
    .with({ lastSuccessAt: NOW - 120_000, lastContactAt: NOW - 120_000, expectedUpdateMs: 300_000 })
    .build();
  const beta = aDaemon('beta')
    .with({ services: [service('sentry', 'unhealthy', { error: 'HTTP 503\nfrom upstream' })] })
    .build();

  it('gives a daemon row its state, detail and freshness as plain lines', () => {
    const text = nodeDetailsText([offline, beta], 'alpha', NOW) ?? '';
    assert.match(text, /^Kora daemon alpha \(http:\/\/127\.0\.0\.1:9119\)\n/);
    assert.match(text, /\nState: offline\n/);
    assert.match(text, /\nDetail: Connection refused \(\/api\/snapshot\)\.\n/);
    assert.match(text, /\nData: read 2 min ago\n$/);
  });

  it('gives a service row its status and error on one line each', () => {
    const text = nodeDetailsText([offline, beta], 'beta/services/sentry', NOW) ?? '';
    assert.match(text, /\nService sentry: unhealthy\n/);
    // The output sanitizer shows the daemon's line break as a visible escape, on the same line.
    assert.match(text, /\nError: HTTP 503\\nfrom upstream\n/, 'a newline in daemon text cannot forge a line');
  });

  it('says nothing for a row that is gone', () => {
    assert.equal(nodeDetailsText([beta], 'alpha', NOW), undefined);
    assert.equal(nodeDetailsText([beta], 'beta/services/vercel', NOW), undefined);
  });
});
