#!/usr/bin/env python3
"""CPython `re` oracle for the pyre differential tests (and generator of pyre's Unicode data).

Oracle mode (default): reads JSON from stdin
    {"compile": [pattern, ...], "match": [[pattern, text], ...]}
and writes JSON to stdout
    {"compile": [result, ...], "match": [result, ...], "python": "3.11.7"}
where a compile result is one of
    {"ok": true, "groups": n, "groupindex": {name: n}, "flags": f}
    {"kind": "re.error", "msg": str, "pos": int|null, "text": str(exc)}
    {"kind": "exception", "type": "OverflowError", "text": str(exc)}
and a match result is {"matched": bool, "end": int|null} (re.match(p, t, re.IGNORECASE)),
or a compile result as above when the pattern does not compile.

Every pattern is compiled at the same, shallow call depth so that the RecursionError threshold
is reproducible (pyre's recursion model is calibrated against exactly this call stack).

Data mode: `pyre_oracle.py --emit-unicode-data src/core/pyre/unicode` writes pyre's generated
Unicode tables (Python 3.11 = Unicode 14 semantics) as TypeScript modules; `--dump-unicode-data`
prints the same data as JSON so a test can check the checked-in modules are current.
"""
import _sre
import base64
import json
import os
import re
import sys
import unicodedata
import warnings
import zlib
from re._casefix import _EXTRA_CASES

warnings.simplefilter("ignore")  # FutureWarning/DeprecationWarning never change the result


def describe_failure(exc):
    if isinstance(exc, re.error):
        return {"kind": "re.error", "msg": exc.msg, "pos": exc.pos, "text": str(exc)}
    return {"kind": "exception", "type": type(exc).__name__, "text": str(exc)}


def compile_pattern(pattern):
    # Not cached by re: the flags argument is the same, but re's own cache is harmless here.
    try:
        compiled = re.compile(pattern, re.IGNORECASE)
    except (Exception, RecursionError, MemoryError) as exc:  # noqa: B014 - explicit on purpose
        return None, describe_failure(exc)
    return compiled, {
        "ok": True,
        "groups": compiled.groups,
        "groupindex": dict(compiled.groupindex),
        "flags": compiled.flags,
    }


def match_compiled(compiled, text):
    try:
        found = compiled.match(text)
    except (Exception, RecursionError, MemoryError) as exc:
        return describe_failure(exc)
    return {"matched": found is not None, "end": found.end() if found else None}


def run_oracle():
    request = json.load(sys.stdin)
    compile_results = []
    for pattern in request.get("compile", []):
        compile_results.append(compile_pattern(pattern)[1])
    match_results = []
    for pattern, text in request.get("match", []):
        # compile_pattern is called from the same depth as above: RecursionError thresholds match.
        compiled, result = compile_pattern(pattern)
        match_results.append(result if compiled is None else match_compiled(compiled, text))
    json.dump(
        {"compile": compile_results, "match": match_results, "python": sys.version.split()[0]},
        sys.stdout,
        ensure_ascii=True,
    )


# ---------------------------------------------------------------------------------------------
# Unicode data generation
# ---------------------------------------------------------------------------------------------

ALIASES_FILE = os.path.join(
    os.path.dirname(os.path.abspath(__file__)), "..", "unit", "pyre", "fixtures", "NameAliases-14.0.0.txt"
)
HANGUL_L = ["G", "GG", "N", "D", "DD", "R", "M", "B", "BB", "S", "SS", "", "J", "JJ", "C", "K", "T", "P", "H"]
HANGUL_V = ["A", "AE", "YA", "YAE", "EO", "E", "YEO", "YE", "O", "WA", "WAE", "OE", "YO", "U", "WEO", "WE", "WI",
            "YU", "EU", "YI", "I"]
HANGUL_T = ["", "G", "GG", "GS", "N", "NJ", "NH", "D", "L", "LG", "LM", "LB", "LS", "LT", "LP", "LH", "M", "B",
            "BS", "S", "SS", "NG", "J", "C", "K", "T", "P", "H"]
ALGORITHMIC_PREFIXES = ("CJK UNIFIED IDEOGRAPH-", "HANGUL SYLLABLE ")
BASE36 = "0123456789abcdefghijklmnopqrstuvwxyz"


def to_base36(number):
    digits = ""
    while True:
        number, rest = divmod(number, 36)
        digits = BASE36[rest] + digits
        if number == 0:
            return digits


def encode_ranges(predicate):
    """Code points where predicate holds, as base-36 'gap,length,gap,length,...' (gaps from previous end)."""
    parts, previous_end, start = [], 0, None
    for cp in range(0x110001):
        inside = cp <= 0x10FFFF and predicate(cp)
        if inside and start is None:
            start = cp
        elif not inside and start is not None:
            parts += [to_base36(start - previous_end), to_base36(cp - start)]
            previous_end, start = cp, None
    return ",".join(parts)


def variation_selector_aliases():
    for number in range(1, 257):
        yield (0xFE00 + number - 1 if number <= 16 else 0xE0100 + number - 17), "VS%d" % number


def read_aliases():
    aliases = list(variation_selector_aliases())
    with open(ALIASES_FILE, encoding="ascii") as handle:
        for line in handle:
            if line.strip() and not line.startswith("#"):
                code, name, _kind = line.strip().split(";")
                aliases.append((int(code, 16), name))
    for cp, name in aliases:
        assert unicodedata.lookup(name) == chr(cp), name
    return aliases


def check_hangul_tables():
    for index in range(11172):
        name = "HANGUL SYLLABLE " + HANGUL_L[index // 588] + HANGUL_V[(index % 588) // 28] + HANGUL_T[index % 28]
        assert unicodedata.name(chr(0xAC00 + index)) == name, name


def names_blob():
    """'delta:NAME' lines (delta in base 36 from the previous code point, empty when 1), then aliases."""
    lines, previous = [], -1
    for cp in range(0x110000):
        name = unicodedata.name(chr(cp), None)
        if name is None or name.startswith(ALGORITHMIC_PREFIXES):
            continue
        assert name == name.upper() and name.isascii(), name
        delta = cp - previous
        lines.append(("" if delta == 1 else to_base36(delta)) + ":" + name)
        previous = cp
    lines.append("=aliases")
    for cp, name in sorted(read_aliases()):
        lines.append(to_base36(cp) + ":" + name)
    return "\n".join(lines)


def encode_lower_deltas():
    parts, previous = [], 0
    for cp in range(0x110000):
        lower = _sre.unicode_tolower(cp)
        if lower != cp:
            delta = lower - cp
            parts += [to_base36(cp - previous), ("-" if delta < 0 else "") + to_base36(abs(delta))]
            previous = cp
    return ",".join(parts)


def chunk(text, width=100):
    return "\n".join("  " + json.dumps(text[i:i + width]) + " +" for i in range(0, len(text), width)) + "\n  ''"


def unicode_data():
    """Everything pyre embeds, uncompressed (the --dump mode lets a test compare it with the modules)."""
    check_hangul_tables()
    tables = {
        "XID_START": lambda cp: chr(cp).isidentifier(),
        "XID_CONTINUE": lambda cp: ("a" + chr(cp)).isidentifier(),
        "PRINTABLE": lambda cp: chr(cp).isprintable(),
        "ALPHA": lambda cp: chr(cp).isalpha(),
        "DECIMAL": lambda cp: chr(cp).isdecimal(),
        "SPACE": lambda cp: chr(cp).isspace(),
        "ALNUM": lambda cp: chr(cp).isalnum(),
    }
    return {
        "UNICODE_DATA_VERSION": unicodedata.unidata_version,
        "NAMES": names_blob(),
        "CJK_UNIFIED_RANGES": encode_ranges(
            lambda cp: (unicodedata.name(chr(cp), "") or "").startswith("CJK UNIFIED IDEOGRAPH-")),
        "HANGUL_L": HANGUL_L,
        "HANGUL_V": HANGUL_V,
        "HANGUL_T": HANGUL_T,
        "TABLES": {label: encode_ranges(predicate) for label, predicate in tables.items()},
        "LOWER_DELTAS": encode_lower_deltas(),
        "EXTRA_CASES": sorted([cp, list(others)] for cp, others in _EXTRA_CASES.items()),
    }


def emit_unicode_data(out_dir):
    data = unicode_data()
    header = "// GENERATED by test/tools/pyre_oracle.py --emit-unicode-data from Python %s (Unicode %s).\n" \
             "// Do not edit by hand; re-run the generator instead.\n" % (sys.version.split()[0],
                                                                           unicodedata.unidata_version)
    names = base64.b64encode(zlib.compress(data["NAMES"].encode("ascii"), 9)).decode("ascii")
    with open(os.path.join(out_dir, "namesData.ts"), "w", encoding="ascii") as out:
        out.write(header)
        out.write("export const UNICODE_DATA_VERSION = %s;\n" % json.dumps(data["UNICODE_DATA_VERSION"]))
        out.write("/** zlib + base64 of the explicit character names and formal aliases (see names.ts). */\n")
        out.write("export const NAMES_ZLIB_BASE64 =\n%s;\n" % chunk(names))
        out.write("/** Code points named algorithmically 'CJK UNIFIED IDEOGRAPH-XXXX' (ranges, base 36). */\n")
        out.write("export const CJK_UNIFIED_RANGES = %s;\n" % json.dumps(data["CJK_UNIFIED_RANGES"]))
        for label in ("HANGUL_L", "HANGUL_V", "HANGUL_T"):
            out.write("export const %s: readonly string[] = %s;\n" % (label, json.dumps(data[label])))
    with open(os.path.join(out_dir, "tablesData.ts"), "w", encoding="ascii") as out:
        out.write(header)
        out.write("// Code point sets as base-36 'gap,length,...' runs (see tables.ts).\n")
        for label, encoded in data["TABLES"].items():
            out.write("export const %s =\n%s;\n" % (label, chunk(encoded)))
        out.write("/** sre's simple lower-case mapping: base-36 'gap,delta' pairs (delta = lower - cp, signed). */\n")
        out.write("export const LOWER_DELTAS =\n%s;\n" % chunk(data["LOWER_DELTAS"]))
        out.write("/** re._casefix._EXTRA_CASES: lower-cased code point -> other lower-cased equivalents. */\n")
        out.write("export const EXTRA_CASES: ReadonlyArray<readonly [number, readonly number[]]> = %s;\n"
                  % json.dumps(data["EXTRA_CASES"]))


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--emit-unicode-data":
        emit_unicode_data(sys.argv[2])
    elif len(sys.argv) == 2 and sys.argv[1] == "--dump-unicode-data":
        json.dump(unicode_data(), sys.stdout)
    elif len(sys.argv) == 1:
        run_oracle()
    else:
        sys.exit("usage: pyre_oracle.py [--emit-unicode-data OUT_DIR | --dump-unicode-data] < request.json")
