/** Port of SubPattern.getwidth(): (min, max) width, cached on the SubPattern like CPython does. */
import { isRepeat, SubPattern } from './ast';
import { MAXREPEAT, MAXWIDTH } from './constants';
import { PythonStack } from './pythonStack';

interface WidthContext {
  readonly groupwidths: ReadonlyArray<readonly [number, number] | null>;
  readonly stack: PythonStack;
}

/** getwidth() called from inside getwidth: one Python frame deeper. */
function nestedWidth(sub: SubPattern, context: WidthContext): readonly [number, number] {
  context.stack.enter();
  const width = getwidth(sub, context);
  context.stack.leave();
  return width;
}

/** Width of `pattern` (the caller accounts for its own frame; nested getwidth calls add one each). */
export function getwidth(pattern: SubPattern, context: WidthContext): readonly [number, number] {
  if (pattern.width) return pattern.width;
  const nested = (sub: SubPattern): readonly [number, number] => nestedWidth(sub, context);
  let lo = 0;
  let hi = 0;
  for (const item of pattern.items) {
    if (item.op === 'BRANCH') {
      let i = MAXWIDTH;
      let j = 0;
      for (const alternative of item.alternatives) {
        const [l, h] = nested(alternative);
        i = Math.min(i, l);
        j = Math.max(j, h);
      }
      lo += i;
      hi += j;
    } else if (item.op === 'ATOMIC_GROUP' || item.op === 'SUBPATTERN') {
      const [i, j] = nested(item.pattern);
      lo += i;
      hi += j;
    } else if (isRepeat(item)) {
      const [i, j] = nested(item.item);
      lo += i * item.min;
      if (item.max === MAXREPEAT && j) hi = MAXWIDTH;
      else hi += j * item.max;
    } else if (item.op === 'ANY' || item.op === 'IN' || item.op === 'LITERAL' || item.op === 'NOT_LITERAL') {
      lo += 1;
      hi += 1;
    } else if (item.op === 'GROUPREF') {
      const [i, j] = context.groupwidths[item.group] ?? [0, 0];
      lo += i;
      hi += j;
    } else if (item.op === 'GROUPREF_EXISTS') {
      let [i, j] = nested(item.yes);
      if (item.no !== null) {
        const [l, h] = nested(item.no);
        i = Math.min(i, l);
        j = Math.max(j, h);
      } else {
        i = 0;
      }
      lo += i;
      hi += j;
    }
    // AT, ASSERT and ASSERT_NOT have no width.
  }
  context.stack.reach('tc'); // min(lo, MAXWIDTH): a METH_VARARGS builtin call, then a C comparison
  pattern.width = [Math.min(lo, MAXWIDTH), Math.min(hi, MAXWIDTH)];
  return pattern.width;
}
