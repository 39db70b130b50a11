import { strict as assert } from 'node:assert';
import {
  freshnessDescription,
  freshnessText,
  isDataStale,
  STALE_GRACE_MS,
  summarizeBadge,
  summarizeStatus,
  welcomeState,
} from '../../../src/core/health/summary';
import { Severity } from '../../../src/core/health/looks';
import { NOW, aDaemon } from './builders';

describe('health summaries', () => {
  describe('status bar', () => {
    it('says nothing more than the name when every daemon is healthy', () => {
      const summary = summarizeStatus([aDaemon('alpha').build(), aDaemon('gamma').build()]);
      assert.equal(summary.text, '$(pass-filled) Kora');
      assert.equal(summary.severity, Severity.ok);
      assert.match(summary.tooltip, /alpha: healthy/);
      assert.match(summary.tooltip, /gamma: healthy/);
    });

    it('names the one daemon that needs attention', () => {
      assert.equal(
        summarizeStatus([aDaemon('alpha').build(), aDaemon('beta').degraded().build()]).text,
        '$(warning) Kora: beta degraded',
      );
      const offline = summarizeStatus([aDaemon('alpha').build(), aDaemon('beta').inState('offline').build()]);
      assert.equal(offline.text, '$(error) Kora: beta offline');
      assert.equal(offline.severity, Severity.error);
    });

    it('counts daemons when several need attention, with the worst icon', () => {
      const summary = summarizeStatus([
        aDaemon('alpha').degraded().build(),
        aDaemon('beta').inState('unauthorized').build(),
      ]);
      assert.equal(summary.text, '$(error) Kora: 2 daemons need attention');
    });

    it('spins while every daemon is still connecting', () => {
      assert.equal(summarizeStatus([aDaemon('alpha').inState('connecting').build()]).text, '$(loading~spin) Kora');
    });

    it('does not call warming or unknown a problem', () => {
      const warming = aDaemon('alpha').with({ state: 'warming', servicesWarming: true, services: [] }).build();
      assert.equal(summarizeStatus([warming]).text, '$(pass-filled) Kora');
      const unknown = aDaemon('alpha').with({ overallStatus: 'unknown' }).build();
      assert.equal(summarizeStatus([unknown]).text, '$(question) Kora');
    });

    it('reports a stale snapshot as a warning', () => {
      const stale = aDaemon('alpha').with({ state: 'stale', snapshotStale: true }).build();
      assert.equal(summarizeStatus([stale]).text, '$(warning) Kora: alpha snapshot stale');
    });

    it('handles no daemons', () => {
      assert.equal(summarizeStatus([]).text, '$(circle-slash) Kora');
    });

    it('escapes daemon names in the tooltip', () => {
      const summary = summarizeStatus([aDaemon('[x](command:evil)').build()]);
      assert.ok(!summary.tooltip.includes(']('));
    });
  });

  describe('badge', () => {
    it('is zero when everything is healthy', () => {
      assert.deepEqual(summarizeBadge([aDaemon().build()]), { count: 0, tooltip: '' });
    });

    it('counts non-healthy listeners and services across daemons', () => {
      // degraded(): 1 listener down; services unknown, degraded, unhealthy.
      const badge = summarizeBadge([aDaemon('alpha').build(), aDaemon('beta').degraded().build()]);
      assert.equal(badge.count, 4);
      assert.match(badge.tooltip, /^4 need attention: beta\/slack_client down, beta\/vercel unknown/);
    });

    it('counts daemons that cannot be read, first thing in the tooltip', () => {
      const badge = summarizeBadge([
        aDaemon('alpha').inState('offline').build(),
        aDaemon('beta').inState('unauthorized').build(),
        aDaemon('gamma').build(),
      ]);
      assert.equal(badge.count, 2);
      assert.equal(badge.tooltip, '2 need attention: alpha offline, beta unauthorized');
      assert.equal(
        summarizeBadge([aDaemon('alpha').inState('connecting').build()]).count,
        0,
        'not yet read is no problem',
      );
    });

    it('shortens a long list', () => {
      const badge = summarizeBadge([aDaemon('a').degraded().build(), aDaemon('b').degraded().build()]);
      assert.equal(badge.count, 8);
      assert.match(badge.tooltip, /, and 2 more$/);
    });
  });

  describe('freshness', () => {
    it('marks readable data stale once it is older than the update period plus a grace', () => {
      const health = aDaemon().with({ lastSuccessAt: NOW, expectedUpdateMs: 300_000 }).build();
      assert.equal(isDataStale(health, NOW + 300_000 + STALE_GRACE_MS), false);
      assert.equal(isDataStale(health, NOW + 300_000 + STALE_GRACE_MS + 1), true);
      assert.equal(
        isDataStale(
          aDaemon()
            .inState('offline')
            .with({ lastSuccessAt: NOW - 3_600_000 })
            .build(),
          NOW,
        ),
        false,
        'offline says more than stale',
      );
    });

    it('says when data was read and when the daemon last answered, in the status bar tooltip too', () => {
      const health = aDaemon('alpha')
        .with({ lastSuccessAt: NOW - 120_000, lastContactAt: NOW - 5_000, expectedUpdateMs: 300_000 })
        .build();
      assert.equal(freshnessText(health, NOW), 'read 2 min ago · reachable 5 s ago');
      assert.equal(freshnessText(health, NOW + 10 * 60_000), 'read 12 min ago · reachable 10 min ago · stale');
      assert.match(summarizeStatus([health], NOW).tooltip, /read 2 min ago · reachable 5 s ago/);
    });
  });

  describe('view description and welcome state', () => {
    it('says how long ago the freshest read was', () => {
      const daemons = [
        aDaemon('a')
          .with({ lastSuccessAt: NOW - 40_000 })
          .build(),
        aDaemon('b')
          .with({ lastSuccessAt: NOW - 12_000 })
          .build(),
      ];
      assert.equal(freshnessDescription(daemons, NOW), 'updated 12 s ago');
      assert.equal(freshnessDescription(daemons, NOW + 3 * 60_000), 'updated 3 min ago');
      assert.equal(freshnessDescription([aDaemon().inState('offline').build()], NOW), undefined);
    });

    it('shows a welcome page only while the tree would be empty', () => {
      assert.equal(welcomeState([]), 'notConfigured');
      assert.equal(welcomeState([aDaemon().inState('connecting').build()]), 'connecting');
      assert.equal(
        welcomeState([aDaemon('a').inState('connecting').build(), aDaemon('b').inState('offline').build()]),
        'ready',
      );
      assert.equal(welcomeState([aDaemon().build()]), 'ready');
    });
  });
});
