// Looking for secrets in text without ever printing them: a failure names the secret and where it
// was seen, never its value. Shared by the unit and integration security checks (no `vscode`).

export interface Secret {
  /** What it is, e.g. "alpha session token". */
  name: string;
  value: string;
}

/**
 * The fake daemon's tokens look like `secrets.token_urlsafe(32)`: 43 URL-safe base64 characters.
 * Path segments are not counted (a temporary folder name can have that shape too).
 */
export const TOKEN_SHAPE = /(?<![A-Za-z0-9_\-/.])[A-Za-z0-9_-]{43}(?![A-Za-z0-9_\-/.])/g;

/** Describes each secret found in `text` (name and offset), or [] when there is none. */
export function secretsIn(text: string, secrets: readonly Secret[]): string[] {
  const found: string[] = [];
  for (const secret of secrets) {
    const at = text.indexOf(secret.value);
    if (at !== -1) found.push(`${secret.name} at offset ${at}`);
  }
  return found;
}

export function assertNoSecrets(text: string, secrets: readonly Secret[], where: string): void {
  if (secrets.length === 0) throw new Error(`no secrets to look for in ${where}: the check would prove nothing`);
  const found = secretsIn(text, secrets);
  if (found.length > 0) throw new Error(`${where} contains ${found.join(', ')}`);
}

/** Token-shaped strings in `text`, masked to their first 4 characters (for a log-wide sweep). */
export function tokenShapedStrings(text: string): string[] {
  return [...text.matchAll(TOKEN_SHAPE)].map((match) => `${match[0].slice(0, 4)}… at offset ${match.index}`);
}

/** Collects the secrets a test met, so rotated (older) tokens are checked as well. */
export class SecretLedger {
  private readonly byValue = new Map<string, string>();

  add(name: string, value: string | undefined): void {
    if (value && !this.byValue.has(value)) this.byValue.set(value, name);
  }

  get all(): Secret[] {
    return [...this.byValue].map(([value, name]) => ({ name, value }));
  }
}
