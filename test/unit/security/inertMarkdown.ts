// Checks that Markdown built around untrusted text stays inert: no raw HTML, no link, image,
// reference definition or autolink, and no `command:` target besides the extension's own
// allow-listed command links. Structural (no Markdown renderer is a dependency): it looks for the
// constructs CommonMark/GFM would turn into something active, after removing the allowed links.
// Shared by the unit and integration security checks (no `vscode`).

export interface InertOptions {
  /** Command ids the extension itself links to (e.g. `kora.copyAttackString` in a hover). */
  allowedCommands?: readonly string[];
}

const CHECKS: ReadonlyArray<{ problem: string; pattern: RegExp }> = [
  { problem: 'raw HTML (a tag, comment or declaration) or an angle-bracket autolink', pattern: /<[A-Za-z!/?]/ },
  { problem: 'an inline link or image (`](`)', pattern: /(?<!\\)\]\s*\(/ },
  { problem: 'a reference link (`][`)', pattern: /(?<!\\)\]\s*\[/ },
  { problem: 'a link reference definition', pattern: /^ {0,3}(?<!\\)\[[^\]\n]+(?<!\\)\]:/m },
  { problem: 'a `command:` URI', pattern: /command:/i },
  { problem: 'a script or data URI', pattern: /\b(?:javascript|vbscript|data):/i },
  { problem: 'a bare URL that GFM would autolink', pattern: /\b(?:https?|ftp):\/\/|(?<![\\.\w])www\./i },
  // The output sanitizer shows these escaped (`\x1b`, `\u202e`); raw they hide or reorder text.
  {
    problem: 'a raw control or bidi character',
    pattern: /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/,
  },
];

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Problems found in `markdown` (empty when it is inert). */
export function markdownProblems(markdown: string, options: InertOptions = {}): string[] {
  let rest = markdown;
  for (const command of options.allowedCommands ?? []) {
    // `[label](command:<id>?<encoded args>)`: what `commandLink` produces for our own commands.
    rest = rest.replace(new RegExp(`\\[[^\\]\\n]*\\]\\(command:${escapeRegExp(command)}(?:\\?[^)\\s]*)?\\)`, 'g'), '');
  }
  return CHECKS.filter(({ pattern }) => pattern.test(rest)).map(({ problem }) => problem);
}

export function assertInertMarkdown(markdown: string, where: string, options: InertOptions = {}): void {
  const problems = markdownProblems(markdown, options);
  if (problems.length > 0) throw new Error(`${where} is not inert: ${problems.join('; ')}\n---\n${markdown}\n---`);
}

/**
 * Strings a hostile (or compromised) daemon, or a proxy in front of it, might send to get a link,
 * a command, HTML or misleading structure into a tooltip or hover.
 */
export const HOSTILE_STRINGS: readonly string[] = [
  '[Set token](command:kora.setSessionToken)',
  '[quit](command:workbench.action.quit "run me")',
  '<img src=x onerror="alert(1)">',
  '<a href="command:workbench.action.openSettings">settings</a>',
  '![tracker](https://evil.example/pixel.png)',
  'see https://evil.example/steal and www.evil.example',
  '[ref]\n\n[ref]: command:workbench.action.quit',
  '<https://evil.example/autolink>',
  'javascript:alert(1)',
  '# heading\n- list item\n> quote\n```\nfenced\n```',
  '&lt;b&gt; &#60;script&#62; entity',
  '$(alert) codicon \u202Eevil\u202C bidi',
  'terminal \u001b]0;title\u0007 \u001b[2J csi \u009b31m c1 \rovertyped',
];
