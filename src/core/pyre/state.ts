/** Port of re._parser.State: groups, their names and widths, look-behind bookkeeping. */
import { SubPattern } from './ast';
import { MAXGROUPS } from './constants';
import { ERROR_CONSTRUCTION, reError } from './errors';
import { pyRepr } from './pystr';
import { PythonStack } from './pythonStack';
import { Tokenizer } from './tokenizer';
import { getwidth } from './width';

export class ParserState {
  flags = 0;
  readonly groupdict = new Map<string, number>();
  /** groupwidths[gid] is null while the group is open; index 0 is the whole match. */
  readonly groupwidths: Array<readonly [number, number] | null> = [null];
  /** First group number opened inside the outermost enclosing look-behind, or null outside one. */
  lookbehindgroups: number | null = null;
  /** Group numbers referenced by conditionals before they exist, with the reference position. */
  readonly grouprefpos = new Map<number, number>();

  constructor(readonly stack: PythonStack) {}

  get groups(): number {
    return this.groupwidths.length;
  }

  /** opengroup(name): raises a bare re.error (the caller re-raises it with a position). */
  opengroup(name: string | null): number {
    this.stack.reach('pp'); // opengroup -> groups
    const raise = (message: string): Error => {
      this.stack.reach('p' + ERROR_CONSTRUCTION);
      return reError(message);
    };
    const gid = this.groups;
    this.groupwidths.push(null);
    if (this.groups > MAXGROUPS) throw raise('too many groups');
    if (name !== null) {
      const ogid = this.groupdict.get(name);
      if (ogid !== undefined) {
        throw raise(`redefinition of group name ${pyRepr(name)} as group ${gid}; was group ${ogid}`);
      }
      this.groupdict.set(name, gid);
    }
    return gid;
  }

  closegroup(gid: number, pattern: SubPattern): void {
    this.stack.call(() => {
      this.groupwidths[gid] = getwidth(pattern, this);
    });
  }

  checkgroup(gid: number): boolean {
    return gid < this.groups && this.groupwidths[gid] !== null;
  }

  checklookbehindgroup(gid: number, source: Tokenizer): void {
    this.stack.call(() => {
      if (this.lookbehindgroups === null) return;
      this.stack.reach('pp'); // checkgroup -> groups
      if (!this.checkgroup(gid)) throw source.error('cannot refer to an open group');
      if (gid >= this.lookbehindgroups) {
        throw source.error('cannot refer to group defined in the same lookbehind subpattern');
      }
    });
  }
}
