"""CPython as the judge of ReDoS verdicts: times re.match(pattern, s, re.IGNORECASE), the daemon's call.

Attack strings arrive as Python expressions (`"a" * 54773 + "\\x00ab"`, the way the analyzer writes
them) and are evaluated with no builtins. A match is stopped after SLOW_S (sre checks for signals
while matching), so no case runs longer than that.

  python3 redos_cpython.py judge   stdin: JSON [{"pattern", "attack"}]; stdout: JSON [seconds, ...]
  python3 redos_cpython.py label   stdin: JSON lines {"pattern", "label", "candidates"} (see
                                   test/tools/redosLabelInput.ts); confirms each corpus label: a
                                   vulnerable one needs some candidate to take SLOW_S, a safe one
                                   all of them under FAST_S. Exits 1 on any disagreement.
"""
import json
import re
import signal
import sys
import time

SLOW_S = 2.0
FAST_S = 0.5


class Slow(Exception):
    pass


def on_alarm(_signum, _frame):
    raise Slow()


def timed_match(compiled, expression, limit_s):
    text = eval(expression, {"__builtins__": {}})  # noqa: S307 - our own attack expressions
    signal.setitimer(signal.ITIMER_REAL, limit_s)
    started = time.perf_counter()
    try:
        compiled.match(text)
    except Slow:
        return limit_s
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
    return time.perf_counter() - started


def judge(limit_s):
    cases = json.load(sys.stdin)
    seconds = [timed_match(re.compile(c["pattern"], re.IGNORECASE), c["attack"], limit_s) for c in cases]
    json.dump(seconds, sys.stdout)


def label():
    disagreements = 0
    for line in sys.stdin:
        entry = json.loads(line)
        compiled = re.compile(entry["pattern"], re.IGNORECASE)
        worst = 0.0
        for candidate in entry["candidates"]:
            worst = max(worst, timed_match(compiled, candidate, SLOW_S))
            if worst >= SLOW_S:
                break
        ok = worst >= SLOW_S if entry["label"] != "safe" else worst < FAST_S
        disagreements += 0 if ok else 1
        print(f"{'ok ' if ok else 'BAD'} {entry['label']:<11} {worst:6.3f}s  {entry['pattern']}")
    print(f"{disagreements} disagreement(s)")
    sys.exit(1 if disagreements else 0)


signal.signal(signal.SIGALRM, on_alarm)
if sys.argv[1:2] == ["judge"]:
    judge(float(sys.argv[2]) if len(sys.argv) > 2 else SLOW_S)
elif sys.argv[1:2] == ["label"]:
    label()
else:
    sys.exit(__doc__)
