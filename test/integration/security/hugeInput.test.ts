// Security checks in real VS Code: a phrasebook that is a YAML alias bomb, or several megabytes of
// entries, gets one clear diagnostic instead of an analysis that stalls the extension host, and the
// host keeps answering commands meanwhile. (50 MB itself is covered by the unit layer: VS Code does
// not hand documents of 50 MB or more to extensions at all.)
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { COMMAND } from '../../../src/vscode/constants';
import { waitForDiagnostics, workspaceRoot } from '../helpers';
import { codeOf, describeDiagnostics } from '../phrasebook/support';

const DIAGNOSTIC_TIMEOUT_MS = 30000;
/** A command round trip through the extension host; far above its normal few milliseconds. */
const RESPONSE_BOUND_MS = 10000;
const LARGE_ENTRY_COUNT = 60_000;

function phrasebookFile(name: string): vscode.Uri {
  // Under a `phrasebook/` folder: recognised by name, whatever the content.
  return vscode.Uri.joinPath(workspaceRoot(), 'security', 'phrasebook', name);
}

function aliasBomb(): string {
  const lines = ['lol0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
  for (let level = 1; level < 9; level++)
    lines.push(
      `lol${level}: &a${level} [${Array(9)
        .fill(`*a${level - 1}`)
        .join(', ')}]`,
    );
  lines.push(
    'entries:',
    '  - pattern: "^bomb$"',
    '    category: bomb',
    '    description: *a8',
    '    reply_template: Boom.',
  );
  return `${lines.join('\n')}\n`;
}

function largePhrasebook(): string {
  const entries: string[] = [];
  for (let index = 0; index < LARGE_ENTRY_COUNT; index++) {
    entries.push(
      `  - pattern: '^(word${index}|w${index})[\\s.!?]*$'\n    category: c${index}\n    description: Entry ${index}\n    reply_template: Reply ${index}.\n`,
    );
  }
  return `entries:\n${entries.join('')}`;
}

/** Fails when the extension host does not run one of our commands within the bound. */
async function assertHostResponds(): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const bound = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`the extension host did not answer a command within ${RESPONSE_BOUND_MS} ms`)),
      RESPONSE_BOUND_MS,
    );
  });
  try {
    await Promise.race([vscode.commands.executeCommand(COMMAND.refresh, 'alpha'), bound]);
  } finally {
    clearTimeout(timer);
  }
}

async function openAndExpect(name: string, text: string, code: string): Promise<readonly vscode.Diagnostic[]> {
  const uri = phrasebookFile(name);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: false });
  await assertHostResponds();
  const diagnostics = await waitForDiagnostics(
    uri,
    (found) => found.some((diagnostic) => codeOf(diagnostic) === code),
    {
      timeoutMs: DIAGNOSTIC_TIMEOUT_MS,
      message: `a ${code} diagnostic on ${name}`,
    },
  );
  await assertHostResponds();
  return diagnostics;
}

describe('security (integration): hostile YAML does not stall the extension host', function () {
  this.timeout(90_000);

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('a YAML alias bomb gets one clear error at its first anchor', async () => {
    const diagnostics = await openAndExpect('bomb.yml', aliasBomb(), 'yaml/alias-explosion');
    const bomb = diagnostics.filter((diagnostic) => codeOf(diagnostic) === 'yaml/alias-explosion');
    assert.equal(bomb.length, 1, describeDiagnostics(diagnostics));
    assert.equal(bomb[0].severity, vscode.DiagnosticSeverity.Error);
    assert.match(bomb[0].message, /aliases expand exponentially/);
    assert.equal(bomb[0].range.start.line, 0, 'on the first anchor');
  });

  it(`${LARGE_ENTRY_COUNT} entries (several MB) get one "not analysed" warning instead of an analysis`, async () => {
    const diagnostics = await openAndExpect('large.yml', largePhrasebook(), 'phrasebook/too-large');
    assert.equal(
      diagnostics.length,
      1,
      `only the guard's diagnostic:\n${describeDiagnostics(diagnostics.slice(0, 5))}`,
    );
    assert.equal(diagnostics[0].severity, vscode.DiagnosticSeverity.Warning);
    assert.match(diagnostics[0].message, /^Phrasebook not analysed: \d+\.\d MB is over the 2 MB limit/);
  });
});
