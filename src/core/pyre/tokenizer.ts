/** Port of re._parser.Tokenizer for str patterns: tokens are one code point, or '\\' plus one. */
import { ERROR_CONSTRUCTION, reError, ReErrorSignal } from './errors';
import { PythonStack } from './pythonStack';
import { PythonRules } from './pythonVersion';
import { isIdentifier, pyLen, pyRepr } from './pystr';

export class Tokenizer {
  /** The pattern's code points, each as a JS string (astral characters are 2 UTF-16 units). */
  readonly chars: string[];
  /** Code-point index just after the current token. */
  private index = 0;
  /** The current (look-ahead) token, null at the end of the pattern. */
  next: string | null = null;
  private nextLength = 0;

  constructor(
    pattern: string,
    readonly stack: PythonStack,
    readonly python: PythonRules,
  ) {
    this.chars = Array.from(pattern);
    stack.position = () => this.tell();
    this.advance();
  }

  /** Tokenizer.__next */
  private advance(): void {
    let index = this.index;
    if (index >= this.chars.length) {
      this.next = null;
      this.nextLength = 0;
      return;
    }
    let char = this.chars[index];
    let length = 1;
    if (char === '\\') {
      index += 1;
      if (index >= this.chars.length) throw reError('bad escape (end of pattern)', this.chars.length - 1);
      char += this.chars[index];
      length = 2;
    }
    this.index = index + 1;
    this.next = char;
    this.nextLength = length;
  }

  match(char: string): boolean {
    this.stack.reach('pp'); // match -> __next
    if (char === this.next) {
      this.advance();
      return true;
    }
    return false;
  }

  get(): string | null {
    this.stack.reach('pp'); // get -> __next
    const current = this.next;
    this.advance();
    return current;
  }

  getwhile(n: number, charset: ReadonlySet<string>): string {
    this.stack.reach('pp');
    let result = '';
    for (let i = 0; i < n; i++) {
      const c = this.next;
      if (c === null || !charset.has(c)) break;
      result += c;
      this.advance();
    }
    return result;
  }

  getuntil(terminator: string, name: string): string {
    this.stack.reach('pp');
    let result = '';
    for (;;) {
      const c = this.next;
      this.advance();
      if (c === null) {
        if (!result) throw this.error('missing ' + name);
        throw this.error(`missing ${terminator}, unterminated name`, pyLen(result));
      }
      if (c === terminator) {
        if (!result) throw this.error('missing ' + name, 1);
        break;
      }
      result += c;
    }
    return result;
  }

  get pos(): number {
    return this.tell();
  }

  tell(): number {
    return this.index - this.nextLength;
  }

  seek(index: number): void {
    this.stack.reach('pp');
    this.index = index;
    this.advance();
  }

  /** Tokenizer.error: re.error at tell() - offset (creating it costs frames, see PythonStack). */
  error(message: string, offset = 0): ReErrorSignal {
    this.stack.reach('pp'); // error -> self.tell()
    this.stack.reach('p' + ERROR_CONSTRUCTION);
    return reError(message, this.tell() - offset);
  }

  checkgroupname(name: string, offset: number): void {
    this.stack.call(() => {
      if (!isIdentifier(name)) {
        throw this.error(`bad character in group name ${pyRepr(name)}`, pyLen(name) + offset);
      }
    });
  }
}
