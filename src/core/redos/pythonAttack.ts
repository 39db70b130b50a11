// recheck describes an attack as pumps (`prefix + pump × n`) and a suffix, and prints it as a
// JavaScript expression. Operators test the daemon with Python, so the attack is written the
// Python way: `"a" * 54773 + "\x00ab"` — a string they can paste into `re.match(p, s)`.
import type { AttackPattern } from 'recheck';

/** A Python string literal in double quotes; non-printable and non-ASCII characters escaped. */
export function pythonStringLiteral(text: string): string {
  let out = '"';
  for (const char of text) {
    const code = char.codePointAt(0) as number;
    if (char === '"' || char === '\\') out += `\\${char}`;
    else if (char === '\n') out += '\\n';
    else if (char === '\t') out += '\\t';
    else if (char === '\r') out += '\\r';
    else if (code >= 0x20 && code < 0x7f) out += char;
    else if (code <= 0xff) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else if (code <= 0xffff) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += `\\U${code.toString(16).padStart(8, '0')}`;
  }
  return `${out}"`;
}

type Attack = Pick<AttackPattern, 'pumps' | 'suffix' | 'base' | 'string'>;

/**
 * The attack as a Python expression, e.g. `"hih" + "h" * 31 + "\x00"`. Falls back to the literal
 * when the pumps do not rebuild recheck's string exactly (a future recheck could change its shape).
 */
export function pythonAttackExpression(attack: Attack): string {
  const parts: string[] = [];
  let rebuilt = '';
  for (const { prefix, pump, bias } of attack.pumps) {
    const count = attack.base + bias;
    if (prefix !== '') parts.push(pythonStringLiteral(prefix));
    if (pump !== '' && count > 0)
      parts.push(count === 1 ? pythonStringLiteral(pump) : `${pythonStringLiteral(pump)} * ${count}`);
    rebuilt += prefix + pump.repeat(Math.max(0, count));
  }
  if (attack.suffix !== '') parts.push(pythonStringLiteral(attack.suffix));
  rebuilt += attack.suffix;
  if (rebuilt !== attack.string || parts.length === 0) return pythonStringLiteral(attack.string);
  return parts.join(' + ');
}
