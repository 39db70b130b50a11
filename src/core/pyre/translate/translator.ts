/**
 * Python AST -> JavaScript RegExp source (u-mode). Anchors, '.', categories and \b are written
 * out explicitly (never JS's m/s flags, whose definitions differ from Python's); case-insensitivity
 * uses the 'i' flag when it is uniform and explicit equivalents otherwise; atomic groups and
 * possessive repeats use the (?=(X))\N emulation, which adds JS capture groups.
 */
import { AtCode, childPatterns, isRepeat, PyreItem, SubPattern } from '../ast';
import {
  MAXREPEAT,
  SRE_FLAG_ASCII,
  SRE_FLAG_DOTALL,
  SRE_FLAG_IGNORECASE,
  SRE_FLAG_MULTILINE,
  TYPE_FLAGS,
} from '../constants';
import { categoryBody, CaseStrategy, translateLiteral, translateNotLiteral, translateSet } from './charClasses';
import { asAtom } from './jsText';
import { planConditionalSplit } from './conditionalSplit';
import { GroupTracker } from './groupTracker';

export class Untranslatable extends Error {
  constructor(
    readonly reason: string,
    readonly pos: number | null,
  ) {
    super(reason);
  }
}

/** _compiler._combine_flags: the flags in effect inside a scoped (?flags:...) group. */
export function combineFlags(flags: number, addFlags: number, delFlags: number): number {
  const base = addFlags & TYPE_FLAGS ? flags & ~TYPE_FLAGS : flags;
  return (base | addFlags) & ~delFlags;
}

const START_OF_INPUT = '(?<![\\s\\S])';
const END_OF_INPUT = '(?![\\s\\S])';

export const NOTE_ATOMIC = 'atomic group (?>...) emulated as (?=(...))\\N, which adds a JS capture group';
export const NOTE_POSSESSIVE = 'possessive quantifier emulated as (?=(X*))\\N, which adds a JS capture group';
export const NOTE_ATOMIC_IN_LOOKBEHIND =
  'atomic group or possessive quantifier inside a look-behind translated as non-atomic';
export const NOTE_UNICODE_DATA =
  "\\w, \\d and \\b use the JS engine's Unicode data (Python 3.11 uses Unicode 14; characters assigned since then differ)";
export const NOTE_EMPTY_ITERATION =
  'repeat of a sub-pattern that can match empty: Python accepts one empty iteration where JS skips it, so matches may differ';
export const NOTE_CASELESS_BACKREF =
  'case-insensitive back-reference translated as case-sensitive (no JS equivalent without the i flag)';

export interface TranslationParts {
  source: string;
  ignoreCaseFlag: boolean;
  notes: string[];
  pythonGroupToJs: number[];
}

/** Collects every flag combination in effect somewhere in the pattern. */
function scopeFlagSets(pattern: SubPattern, flags: number, into: Set<number>): Set<number> {
  into.add(flags);
  for (const item of pattern.items) {
    if (item.op === 'SUBPATTERN') scopeFlagSets(item.pattern, combineFlags(flags, item.addFlags, item.delFlags), into);
    else for (const child of childPatterns(item)) scopeFlagSets(child, flags, into);
  }
  return into;
}

/** Can the sub-pattern match the empty string (on some path)? */
function canMatchEmpty(pattern: SubPattern): boolean {
  return pattern.items.every((item) => {
    if (isRepeat(item)) return item.min === 0 || canMatchEmpty(item.item);
    switch (item.op) {
      case 'LITERAL':
      case 'NOT_LITERAL':
      case 'ANY':
      case 'IN':
        return false;
      case 'BRANCH':
        return item.alternatives.some(canMatchEmpty);
      case 'GROUPREF_EXISTS':
        return canMatchEmpty(item.yes) || !item.no || canMatchEmpty(item.no);
      case 'SUBPATTERN':
      case 'ATOMIC_GROUP':
        return canMatchEmpty(item.pattern);
      default:
        return true; // anchors, look-arounds, back-references (the group may be empty)
    }
  });
}

/** Does the sub-pattern contain anything that consumes characters? */
function canConsume(pattern: SubPattern): boolean {
  return pattern.items.some((item) => {
    if (isRepeat(item)) return item.max > 0 && canConsume(item.item);
    switch (item.op) {
      case 'ASSERT':
      case 'ASSERT_NOT':
      case 'AT':
        return false;
      default:
        return childPatterns(item).length === 0 || childPatterns(item).some(canConsume);
    }
  });
}

export class Translator {
  private readonly notes = new Set<string>();
  private jsGroupCount = 0;
  private readonly pythonGroupToJs: number[] = [0];
  private readonly jsGroupNames = new Map<number, string>();
  private readonly groups = new GroupTracker();
  private readonly ignoreCaseFlag: boolean;
  private lookbehindDepth = 0;

  constructor(
    private readonly root: SubPattern,
    private readonly globalFlags: number,
    private readonly groupNames: ReadonlyMap<string, number>,
  ) {
    const scopes = [...scopeFlagSets(root, globalFlags, new Set())];
    this.ignoreCaseFlag = scopes.every((bits) => bits & SRE_FLAG_IGNORECASE && !(bits & SRE_FLAG_ASCII));
  }

  translate(): TranslationParts {
    const source = this.sequence(this.root, this.globalFlags);
    return {
      source,
      ignoreCaseFlag: this.ignoreCaseFlag,
      notes: [...this.notes],
      pythonGroupToJs: this.pythonGroupToJs,
    };
  }

  private strategy(bits: number): CaseStrategy {
    if (!(bits & SRE_FLAG_IGNORECASE)) return { kind: 'sensitive' };
    if (this.ignoreCaseFlag) return { kind: 'flag' };
    return { kind: 'expand', mode: bits & SRE_FLAG_ASCII ? 'ascii' : 'unicode' };
  }

  private sequence(pattern: SubPattern, bits: number): string {
    return this.items(pattern.items, bits);
  }

  /** Items in order; where an item decides a group a later conditional tests, the rest is split. */
  private items(items: readonly PyreItem[], bits: number): string {
    let source = '';
    for (let index = 0; index < items.length; index++) {
      const variants = planConditionalSplit(items, index, (group) => this.groups.knownState(group) === 'unset');
      if (variants) {
        const rest = items.slice(index + 1);
        const copies = this.groups.alternatives(
          variants.map(
            (variant) => () =>
              this.groups.withUnset(variant.unset, () => this.items([...variant.items, ...rest], bits)),
          ),
        );
        return `${source}(?:${copies.join('|')})`;
      }
      source += this.item(items[index], bits);
    }
    return source;
  }

  /** A group body: a lone alternation needs no extra (?:...) inside the group's own parentheses. */
  private groupBody(pattern: SubPattern, bits: number): string {
    const only = pattern.items.length === 1 ? pattern.items[0] : undefined;
    if (only?.op === 'BRANCH') return this.alternation(only, bits);
    return this.sequence(pattern, bits);
  }

  private alternation(item: Extract<PyreItem, { op: 'BRANCH' }>, bits: number): string {
    return this.groups
      .alternatives(item.alternatives.map((alternative) => () => this.sequence(alternative, bits)))
      .join('|');
  }

  private item(item: PyreItem, bits: number): string {
    const ascii = (bits & SRE_FLAG_ASCII) !== 0;
    if (isRepeat(item)) return this.repeat(item, bits);
    switch (item.op) {
      case 'LITERAL':
        return translateLiteral(item.cp, this.strategy(bits));
      case 'NOT_LITERAL':
        return translateNotLiteral(item.cp, this.strategy(bits));
      case 'ANY':
        return bits & SRE_FLAG_DOTALL ? '[\\s\\S]' : '[^\\n]';
      case 'IN':
        if (!ascii && item.set.some((member) => member.op === 'CATEGORY' && !member.code.includes('SPACE'))) {
          this.notes.add(NOTE_UNICODE_DATA);
        }
        return translateSet(item.set, ascii, this.strategy(bits));
      case 'AT':
        return this.anchor(item.code, bits);
      case 'SUBPATTERN':
        return this.group(item, bits);
      case 'ATOMIC_GROUP':
        return this.atomic(() => this.groupBody(item.pattern, bits), NOTE_ATOMIC);
      case 'ASSERT':
      case 'ASSERT_NOT':
        return this.lookaround(item, bits);
      case 'GROUPREF':
        return this.backReference(item.group, item.pos, bits);
      case 'GROUPREF_EXISTS':
        return this.conditional(item, bits);
      case 'BRANCH':
        return `(?:${this.alternation(item, bits)})`;
    }
  }

  private anchor(code: AtCode, bits: number): string {
    const multiline = (bits & SRE_FLAG_MULTILINE) !== 0;
    switch (code) {
      case 'AT_BEGINNING':
        return multiline ? '(?<![^\\n])' : START_OF_INPUT;
      case 'AT_BEGINNING_STRING':
        return START_OF_INPUT;
      case 'AT_END':
        return multiline ? '(?![^\\n])' : `(?=\\n?${END_OF_INPUT})`;
      case 'AT_END_STRING':
        return END_OF_INPUT;
      case 'AT_BOUNDARY':
      case 'AT_NON_BOUNDARY': {
        const ascii = (bits & SRE_FLAG_ASCII) !== 0;
        if (!ascii) this.notes.add(NOTE_UNICODE_DATA);
        const word = `[${categoryBody('CATEGORY_WORD', ascii)}]`;
        if (code === 'AT_BOUNDARY') return `(?:(?<=${word})(?!${word})|(?<!${word})(?=${word}))`;
        // sre: \B never matches in an empty string.
        return `(?!${START_OF_INPUT}${END_OF_INPUT})(?:(?<=${word})(?=${word})|(?<!${word})(?!${word}))`;
      }
    }
  }

  private quantifier(min: number, max: number): string {
    if (max === MAXREPEAT) return min === 0 ? '*' : min === 1 ? '+' : `{${min},}`;
    if (min === 0 && max === 1) return '?';
    return min === max ? `{${min}}` : `{${min},${max}}`;
  }

  private repeat(
    item: Extract<PyreItem, { op: 'MAX_REPEAT' | 'MIN_REPEAT' | 'POSSESSIVE_REPEAT' }>,
    bits: number,
  ): string {
    if (item.max > 1 && canMatchEmpty(item.item) && canConsume(item.item)) this.notes.add(NOTE_EMPTY_ITERATION);
    const body = (): string => {
      const inner = this.groups.repeated(item.min > 0, () => this.groupBody(item.item, bits));
      return asAtom(inner || '(?:)') + this.quantifier(item.min, item.max);
    };
    if (item.op === 'MIN_REPEAT') return body() + '?';
    if (item.op === 'MAX_REPEAT') return body();
    return this.atomic(body, NOTE_POSSESSIVE);
  }

  /** (?=(X))\N: the look-ahead matches X once, atomically; \N then consumes exactly that. */
  private atomic(translateBody: () => string, note: string): string {
    if (this.lookbehindDepth > 0) {
      this.notes.add(NOTE_ATOMIC_IN_LOOKBEHIND);
      return `(?:${translateBody()})`;
    }
    this.notes.add(note);
    const jsGroup = ++this.jsGroupCount;
    return `(?=(${translateBody()}))(?:\\${jsGroup})`;
  }

  private group(item: Extract<PyreItem, { op: 'SUBPATTERN' }>, bits: number): string {
    const inner = combineFlags(bits, item.addFlags, item.delFlags);
    if (item.group === null) return `(?:${this.groupBody(item.pattern, inner)})`;
    const pythonGroup = item.group;
    const jsGroup = ++this.jsGroupCount;
    this.pythonGroupToJs[pythonGroup] = jsGroup;
    const name = this.jsName(pythonGroup);
    const body = this.groups.capture(pythonGroup, () => this.groupBody(item.pattern, inner));
    return name === null ? `(${body})` : `(?<${name}>${body})`;
  }

  private jsName(pythonGroup: number): string | null {
    for (const [name, group] of this.groupNames) {
      if (group !== pythonGroup) continue;
      try {
        new RegExp(`(?<${name}>)`, 'u');
      } catch {
        return null; // a Python identifier JS does not accept: keep the group, unnamed
      }
      this.jsGroupNames.set(pythonGroup, name);
      return name;
    }
    return null;
  }

  private lookaround(item: Extract<PyreItem, { op: 'ASSERT' | 'ASSERT_NOT' }>, bits: number): string {
    const behind = item.dir < 0;
    if (behind) this.lookbehindDepth++;
    try {
      const body = this.groups.assertion(item.op === 'ASSERT', () => this.groupBody(item.pattern, bits));
      return `(?${behind ? '<' : ''}${item.op === 'ASSERT' ? '=' : '!'}${body})`;
    } finally {
      if (behind) this.lookbehindDepth--;
    }
  }

  private backReference(pythonGroup: number, pos: number, bits: number): string {
    if (!this.groups.isDefinitelySet(pythonGroup)) this.notes.add(this.groups.unsetReferenceNote(pythonGroup));
    if (bits & SRE_FLAG_IGNORECASE && !this.ignoreCaseFlag) this.notes.add(NOTE_CASELESS_BACKREF);
    const name = this.jsGroupNames.get(pythonGroup);
    if (name !== undefined) return `\\k<${name}>`;
    const jsGroup = this.pythonGroupToJs[pythonGroup];
    if (jsGroup === undefined)
      throw new Untranslatable(`back-reference to group ${pythonGroup} before it is defined`, pos);
    return `(?:\\${jsGroup})`;
  }

  /** (?(g)yes|no) only when it is known at this point whether group g has matched. */
  private conditional(item: Extract<PyreItem, { op: 'GROUPREF_EXISTS' }>, bits: number): string {
    const known = this.groups.knownState(item.group);
    if (known === 'set') return `(?:${this.sequence(item.yes, bits)})`;
    if (known === 'unset') return item.no ? `(?:${this.sequence(item.no, bits)})` : '';
    throw new Untranslatable(
      `conditional (?(${item.group})...) depends on whether group ${item.group} matched, which JS cannot test`,
      item.pos,
    );
  }
}
