import { strict as assert } from 'node:assert';
import {
  backupFilenameOfNodeId,
  buildPhrasebookSection,
  SECTION_CONTEXT,
} from '../../../src/core/tree/phrasebookNodes';
import { TREE_CONTEXT } from '../../../src/vscode/constants';

const backups = {
  rotation_keep: 10,
  backups: [
    {
      filename: 'slack_dm.2026-05-23T10-00-00Z.yml',
      timestamp: '2026-05-23T10-00-00Z',
      size_bytes: 900,
      entry_count: 8,
    },
    {
      filename: 'slack_dm.2026-05-23T10-00-00Z-1.yml',
      timestamp: '2026-05-23T10-00-00Z-1',
      size_bytes: 950,
      entry_count: 9,
    },
    {
      filename: 'slack_dm.2026-05-22T10-00-00Z.yml',
      timestamp: '2026-05-22T10-00-00Z',
      size_bytes: 12,
      entry_count: null,
    },
  ],
};

describe('Phrasebook tree section', () => {
  const now = new Date(Date.UTC(2026, 4, 23, 10, 5, 0));

  it('shows live source and entry count, and the backups k of rotation_keep, newest first', () => {
    const node = buildPhrasebookSection({
      daemonName: 'alpha beta',
      data: {
        loading: false,
        live: {
          source: 'override',
          source_path: '/k/phrasebook/slack_dm.yml',
          override_candidate_path: '/k/phrasebook/slack_dm.yml',
          entryCount: 9,
        },
        backups,
      },
      backupsWithHistory: new Set(['slack_dm.2026-05-23T10-00-00Z.yml']),
      now,
      compareCommand: 'kora.compareBackupWithLive',
    });
    assert.equal(node.id, 'alpha%20beta/phrasebook');
    assert.equal(node.contextValue, TREE_CONTEXT.phrasebook);
    assert.equal(node.description, 'override · 9 entries');
    const [group] = node.children;
    assert.equal(group.description, '3 of 10');
    assert.deepEqual(
      group.children.map((child) => [child.label, child.contextValue]),
      [
        ['slack_dm.2026-05-23T10-00-00Z-1.yml', TREE_CONTEXT.backup],
        ['slack_dm.2026-05-23T10-00-00Z.yml', TREE_CONTEXT.backupWithHistory],
        ['slack_dm.2026-05-22T10-00-00Z.yml', TREE_CONTEXT.backupCorrupt],
      ],
    );
    assert.equal(group.children[1].command?.id, 'kora.compareBackupWithLive');
    assert.equal(group.children[0].command, undefined);
    assert.match(group.children[0].description, /^5 minutes ago · 9 entries · 950 B$/);
    assert.equal(backupFilenameOfNodeId(group.children[0].id), 'slack_dm.2026-05-23T10-00-00Z-1.yml');
  });

  it('names the bundled default, loading and errors', () => {
    const bundled = buildPhrasebookSection({
      daemonName: 'a',
      data: {
        loading: false,
        live: { source: 'bundled_default', source_path: 'bundled', override_candidate_path: '/k/x.yml', entryCount: 8 },
        backups: { backups: [], rotation_keep: 10 },
      },
      backupsWithHistory: new Set(),
      now,
    });
    assert.equal(bundled.description, 'bundled default · 8 entries');
    assert.equal(bundled.children[0].description, '0 of 10');
    assert.match(bundled.tooltip, /A push creates/);
    const failed = buildPhrasebookSection({
      daemonName: 'a',
      data: { loading: false, error: 'connection refused' },
      backupsWithHistory: new Set(),
      now,
    });
    assert.equal(failed.description, 'unavailable');
    assert.match(failed.tooltip, /connection refused/);
  });

  it('shows a daemon-supplied backup name as one plain line', () => {
    const hostile = 'slack_dm.2026-05-23T10-00-00Z\n\u202eevil.yml';
    const node = buildPhrasebookSection({
      daemonName: 'a',
      data: {
        loading: false,
        live: { source: 'override', source_path: '/k/x.yml', override_candidate_path: '/k/x.yml', entryCount: 1 },
        backups: { backups: [{ filename: hostile, timestamp: 't', size_bytes: 1, entry_count: 1 }], rotation_keep: 10 },
      },
      backupsWithHistory: new Set(),
      now,
    });
    assert.equal(node.children[0].children[0].label, 'slack_dm.2026-05-23T10-00-00Z\\n\\u202eevil.yml');
  });

  it('uses the context values the manifest menus match on', () => {
    assert.equal(SECTION_CONTEXT.phrasebook, TREE_CONTEXT.phrasebook);
    assert.equal(SECTION_CONTEXT.backup, TREE_CONTEXT.backup);
    assert.equal(SECTION_CONTEXT.backupWithHistory, TREE_CONTEXT.backupWithHistory);
    assert.equal(SECTION_CONTEXT.backupCorrupt, TREE_CONTEXT.backupCorrupt);
    assert.equal(SECTION_CONTEXT.backups, TREE_CONTEXT.phrasebookBackups);
  });
});
