// The integration tests' way in. In production the extension's exports hold nothing secret and
// nothing that can answer a prompt: any extension can read another's exports
// (`vscode.extensions.getExtension(id).exports`), so the context (token store) and the scriptable
// prompter are only handed out when BOTH hold:
//  - VS Code runs the extension from a development folder (extensionMode Development or Test),
//    which an installed .vsix never is, whatever the environment says;
//  - the harness set KORA_TEST_HOOKS=1 on the extension host (scripts/run-integration.js).
// Even then the handle is handed out once: the test entry claims it before any test runs, so a
// second extension loaded into the same test host gets a refusal, not the handle.
import * as vscode from 'vscode';

export const TEST_HOOKS_ENV = 'KORA_TEST_HOOKS';

export function testHooksEnabled(extension: vscode.ExtensionContext): boolean {
  return extension.extensionMode !== vscode.ExtensionMode.Production && process.env[TEST_HOOKS_ENV] === '1';
}

/** A function that returns `value` to its first caller and throws for every later one. */
export function claimOnce<T>(value: T): () => T {
  let claimed = false;
  return () => {
    if (claimed) throw new Error('the Kora Ops test API was already claimed by the test entry');
    claimed = true;
    return value;
  };
}
