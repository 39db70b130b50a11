/**
 * The compile-time checks of re._compiler that can fail after parsing succeeded: _code() walks the
 * pattern (_compile_info's getwidth, then _compile) and raises for variable-width or too wide
 * look-behinds and for repeats under the TEMPLATE flag. Nothing is emitted.
 */
import { isRepeat, PyreItem, SubPattern } from './ast';
import { MAXCODE, SRE_FLAG_TEMPLATE } from './constants';
import { ReErrorSignal } from './errors';
import { PythonStack } from './pythonStack';
import { getwidth } from './width';

interface CompileContext {
  readonly groupwidths: ReadonlyArray<readonly [number, number] | null>;
  readonly stack: PythonStack;
  /** Global flags (TEMPLATE cannot be changed by scoped flags). */
  readonly flags: number;
}

/** _code(p, flags): raises ReErrorSignal / PyExceptionSignal like CPython's compiler would. */
export function checkCompile(pattern: SubPattern, context: CompileContext): void {
  context.stack.call(() => {
    // _compile_info(code, p, flags) -> p.getwidth()
    context.stack.call(() => context.stack.call(() => getwidth(pattern, context)));
    context.stack.call(() => compileItems(pattern.items, context));
  });
}

/** _simple(p): len(p) and p[0] are SubPattern methods; plain groups recurse. */
function simpleChain(sub: SubPattern): string {
  const only = sub.items.length === 1 ? sub.items[0] : undefined;
  if (only?.op === 'SUBPATTERN' && only.group === null) return 'p' + simpleChain(only.pattern);
  return 'pp';
}

/** _compile(code, pattern, flags); nested SubPatterns are iterated through SubPattern.__getitem__. */
function compileItems(items: readonly PyreItem[], context: CompileContext, iteratesSubPattern = false): void {
  const nested = (sub: SubPattern): void => {
    context.stack.enter();
    compileItems(sub.items, context, true);
    context.stack.leave();
  };
  if (iteratesSubPattern) context.stack.reach('p');
  for (const item of items) {
    if (isRepeat(item)) {
      if (context.flags & SRE_FLAG_TEMPLATE) {
        throw new ReErrorSignal(`internal: unsupported template operator ${item.op}`, null);
      }
      context.stack.reach('p' + simpleChain(item.item));
      nested(item.item);
    } else if (item.op === 'IN') {
      context.stack.reach('pp'); // _optimize_charset -> _mk_bitmap / _compile_charset
    } else if (item.op === 'SUBPATTERN' || item.op === 'ATOMIC_GROUP') {
      nested(item.pattern);
    } else if (item.op === 'ASSERT' || item.op === 'ASSERT_NOT') {
      if (item.dir < 0) {
        const [lo, hi] = context.stack.call(() => getwidth(item.pattern, context));
        if (lo > MAXCODE) throw new ReErrorSignal('looks too much behind', null);
        if (lo !== hi) throw new ReErrorSignal('look-behind requires fixed-width pattern', null);
      }
      nested(item.pattern);
    } else if (item.op === 'BRANCH') {
      item.alternatives.forEach(nested);
    } else if (item.op === 'GROUPREF_EXISTS') {
      nested(item.yes);
      if (item.no) nested(item.no);
    }
  }
}
