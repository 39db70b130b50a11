/** Port of re._parser._parse_flags and fix_flags (inline flags such as (?i), (?a-s:...)). */
import { isSubstringOf, SRE_FLAG_ASCII, SRE_FLAG_LOCALE, SRE_FLAG_UNICODE, TYPE_FLAGS } from './constants';
import { PyExceptionSignal } from './errors';
import { isAlpha, pyLen } from './pystr';
import { ParserState } from './state';
import { Tokenizer } from './tokenizer';

/** null = global flags (already merged into state.flags); otherwise the scoped [add, del] flags. */
export type ParsedFlags = readonly [number, number] | null;

function flagValue(source: Tokenizer, char: string | null): number | undefined {
  return char === null ? undefined : source.python.inlineFlags.get(char);
}

/** Error for a character that is not a flag: "unknown flag" for letters, else the expected syntax. */
function notAFlag(source: Tokenizer, char: string, expected: string): never {
  throw source.error(isAlpha(char) ? 'unknown flag' : expected, pyLen(char));
}

export function parseFlags(source: Tokenizer, state: ParserState, first: string): ParsedFlags {
  return source.stack.call(() => parseFlagsFrame(source, state, first));
}

function parseFlagsFrame(source: Tokenizer, state: ParserState, first: string): ParsedFlags {
  let char: string | null = first;
  let addFlags = 0;
  let delFlags = 0;
  if (char !== '-') {
    for (;;) {
      const flag = flagValue(source, char) ?? 0;
      if (char === 'L') throw source.error("bad inline flags: cannot use 'L' flag with a str pattern");
      addFlags |= flag;
      if (flag & TYPE_FLAGS && (addFlags & TYPE_FLAGS) !== flag) {
        throw source.error("bad inline flags: flags 'a', 'u' and 'L' are incompatible");
      }
      char = source.get();
      if (char === null) throw source.error('missing -, : or )');
      if (isSubstringOf(char, ')-:')) break;
      if (flagValue(source, char) === undefined) notAFlag(source, char, 'missing -, : or )');
    }
  }
  if (char === ')') {
    state.flags |= addFlags;
    return null;
  }
  if (addFlags & source.python.globalFlags) throw source.error('bad inline flags: cannot turn on global flag', 1);
  if (char === '-') {
    char = source.get();
    if (char === null) throw source.error('missing flag');
    if (flagValue(source, char) === undefined) notAFlag(source, char, 'missing flag');
    for (;;) {
      const flag = flagValue(source, char) ?? 0;
      if (flag & TYPE_FLAGS) throw source.error("bad inline flags: cannot turn off flags 'a', 'u' and 'L'");
      delFlags |= flag;
      char = source.get();
      if (char === null) throw source.error('missing :');
      if (char === ':') break;
      if (flagValue(source, char) === undefined) notAFlag(source, char, 'missing :');
    }
  }
  if (delFlags & source.python.globalFlags) throw source.error('bad inline flags: cannot turn off global flag', 1);
  if (addFlags & delFlags) throw source.error('bad inline flags: flag turned on and off', 1);
  return [addFlags, delFlags];
}

/** fix_flags(str pattern, flags): ValueError (not re.error) for incompatible global flags. */
export function fixFlags(flags: number): number {
  if (flags & SRE_FLAG_LOCALE) {
    throw new PyExceptionSignal('ValueError', 'cannot use LOCALE flag with a str pattern', null);
  }
  if (!(flags & SRE_FLAG_ASCII)) return flags | SRE_FLAG_UNICODE;
  if (flags & SRE_FLAG_UNICODE) {
    throw new PyExceptionSignal('ValueError', 'ASCII and UNICODE flags are incompatible', null);
  }
  return flags;
}
