// The settings table is the one place defaults and minimums live in the code: it must say what the
// manifest (package.json) promises, and turn whatever settings.json holds into a usable value.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SETTING } from '../../../src/vscode/constants';
import {
  DEFAULT_DAEMONS,
  SETTING_TABLE,
  settingKey,
  settingValue,
  type SettingName,
} from '../../../src/vscode/settingsTable';

interface ManifestProperty {
  default?: unknown;
  minimum?: number;
}

const ROOT = join(__dirname, '..', '..', '..', '..');
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  contributes: { configuration: { properties: Record<string, ManifestProperty> } };
};
const properties = manifest.contributes.configuration.properties;
const names = Object.keys(SETTING_TABLE) as SettingName[];

describe('settings table', () => {
  it('has one entry per setting of the manifest (the daemon list aside)', () => {
    const inTable = names.map((name) => `${SETTING.section}.${settingKey(name)}`).sort();
    const inManifest = Object.keys(properties)
      .filter((key) => key !== `${SETTING.section}.${SETTING.daemons}`)
      .sort();
    assert.deepEqual(inTable, inManifest);
  });

  for (const name of names) {
    it(`${name}: the manifest's default and minimum`, () => {
      const property = properties[`${SETTING.section}.${settingKey(name)}`];
      assert.deepEqual(SETTING_TABLE[name].default, property.default);
      assert.equal(SETTING_TABLE[name].minimum, property.minimum);
    });
  }

  it('kora.daemons: the manifest default', () => {
    const property = properties[`${SETTING.section}.${SETTING.daemons}`];
    assert.deepEqual(
      DEFAULT_DAEMONS.map(({ name, url }) => ({ name, url })),
      property.default,
    );
  });

  it('takes a value of the right type, raising a number below its minimum to it', () => {
    assert.equal(settingValue('pollingMinIntervalSeconds', 42), 42);
    assert.equal(settingValue('pollingMinIntervalSeconds', 1), 5);
    assert.equal(settingValue('deepAnalysisTimeBudgetMs', 0), 100);
    assert.equal(settingValue('statusBarEnabled', false), false);
    assert.equal(settingValue('pythonVersion', '3.11'), '3.11');
    assert.deepEqual(settingValue('phrasebookFiles', ['a/*.yml', 7, 'b/*.yaml']), ['a/*.yml', 'b/*.yaml']);
  });

  it('falls back to the default for a missing or mistyped value', () => {
    assert.equal(settingValue('pollingMaxBackoffSeconds', undefined), 300);
    assert.equal(settingValue('pollingMaxBackoffSeconds', '60'), 300);
    assert.equal(settingValue('pollingMaxBackoffSeconds', Number.NaN), 300);
    assert.equal(settingValue('notifyOnUnhealthy', 'yes'), false);
    assert.equal(settingValue('pythonVersion', '3.9'), '3.13');
    assert.deepEqual(settingValue('phrasebookFiles', 'phrasebook/*.yml'), SETTING_TABLE.phrasebookFiles.default);
  });

  it('keeps only known severities in kora.phrasebook.severity', () => {
    assert.deepEqual(
      settingValue('phrasebookSeverity', {
        'redos/polynomial': 'information',
        'yaml/yaml11-trap': 'off',
        x: 'loud',
        y: 3,
      }),
      {
        'redos/polynomial': 'information',
        'yaml/yaml11-trap': 'off',
      },
    );
    assert.deepEqual(settingValue('phrasebookSeverity', ['error']), {});
  });
});
