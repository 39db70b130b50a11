/**
 * Candidate subject strings for the match differential: walks the parsed pattern and produces text
 * that tends to match (random case, repeat counts, alternatives), plus mutations that tend not to.
 */
import { isRepeat, PyreItem, SetMember, SubPattern } from '../../../src/core/pyre';
import { pick, Random } from './corpus';

const FILLER = Array.from('aAbBzZ09_ .!?\n\t-éÉßẞſKkıİiI😀\u00a0\u2028#');
const MAX_REPEAT_SAMPLE = 3;

function memberSample(random: Random, member: SetMember): string {
  switch (member.op) {
    case 'LITERAL':
      return String.fromCodePoint(member.cp);
    case 'RANGE':
      return String.fromCodePoint(member.lo + Math.floor(random() * Math.min(member.hi - member.lo + 1, 200)));
    case 'CATEGORY':
      return pick(
        random,
        member.code.includes('DIGIT')
          ? ['7', '٣']
          : member.code.includes('SPACE')
            ? [' ', '\n', '\u2003']
            : ['w', '_', 'é'],
      );
    default:
      return pick(random, FILLER);
  }
}

function randomCase(random: Random, text: string): string {
  return random() < 0.3 ? (random() < 0.5 ? text.toUpperCase() : text.toLowerCase()) : text;
}

class Sampler {
  private readonly captured = new Map<number, string>();
  constructor(private readonly random: Random) {}

  sequence(pattern: SubPattern): string {
    return pattern.items.map((item) => this.item(item)).join('');
  }

  private item(item: PyreItem): string {
    const random = this.random;
    if (isRepeat(item)) {
      const count = item.min + Math.floor(random() * (Math.min(item.max, item.min + MAX_REPEAT_SAMPLE) - item.min + 1));
      return Array.from({ length: Math.min(count, 50) }, () => this.sequence(item.item)).join('');
    }
    switch (item.op) {
      case 'LITERAL':
        return randomCase(random, String.fromCodePoint(item.cp));
      case 'NOT_LITERAL':
      case 'ANY':
        return pick(random, FILLER);
      case 'IN': {
        const members = item.set.filter((member) => member.op !== 'NEGATE');
        return item.set[0]?.op === 'NEGATE' || members.length === 0
          ? pick(random, FILLER)
          : randomCase(random, memberSample(random, pick(random, members)));
      }
      case 'AT':
        return random() < 0.1 ? '\n' : '';
      case 'SUBPATTERN': {
        const text = this.sequence(item.pattern);
        if (item.group !== null) this.captured.set(item.group, text);
        return text;
      }
      case 'ATOMIC_GROUP':
        return this.sequence(item.pattern);
      case 'ASSERT':
      case 'ASSERT_NOT':
        return '';
      case 'GROUPREF':
        return this.captured.get(item.group) ?? '';
      case 'GROUPREF_EXISTS':
        return this.sequence(this.captured.has(item.group) || !item.no ? item.yes : item.no);
      case 'BRANCH':
        return this.sequence(pick(random, item.alternatives));
    }
  }
}

function mutateText(random: Random, text: string): string {
  const chars = Array.from(text);
  const at = Math.floor(random() * (chars.length + 1));
  const roll = random();
  if (roll < 0.4) chars.splice(at, 0, pick(random, FILLER));
  else if (roll < 0.7) chars.splice(at, 1);
  else chars.push(pick(random, FILLER));
  return chars.join('');
}

/** `count` subject strings for one pattern: samples, a mutation of one, and a random filler string. */
export function subjectsFor(random: Random, pattern: SubPattern, count: number): string[] {
  const subjects = new Set<string>(['']);
  for (let i = 0; subjects.size < count && i < count * 3; i++) {
    const sample = new Sampler(random).sequence(pattern);
    subjects.add(i % 3 === 2 ? mutateText(random, sample) : sample);
  }
  return [...subjects]
    .slice(0, count)
    .map((text) => (Array.from(text).length > 40 ? Array.from(text).slice(0, 40).join('') : text));
}
