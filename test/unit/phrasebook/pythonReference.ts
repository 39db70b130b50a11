// A Python transcription of the daemon's `validate_entries` (contract §4.3–4.5), run by python3 —
// the reference the TypeScript validator is differentially tested against: CPython decides what
// compiles, what `len()` and `str.strip()` return, and what the heuristic finds.
import vectors from './fixtures/validator-vectors.json';

export const PYTHON_VALIDATE_ENTRIES = `
import json, re
FIELDS = ${JSON.stringify(vectors.required_fields_in_check_order)}
CAPS = [("pattern", 512), ("reply_template", 4096), ("description", 256), ("category", 64)]
PATHS = set(${JSON.stringify(vectors.snapshot_scalar_paths)})
HEURISTIC = re.compile(${JSON.stringify(vectors.nested_quantifier_heuristic_regex)})
PLACEHOLDER = re.compile(${JSON.stringify(vectors.placeholder_regex)})

def validate_entries(entries):
    if not isinstance(entries, list):
        return [{"entry_index": -1, "field": "_root", "error": "entries must be a list"}]
    errors = []
    if len(entries) > 200:
        errors.append({"entry_index": -1, "field": "_root", "error": f"too many entries ({len(entries)} > 200)"})
    seen = {}
    for i, entry in enumerate(entries):
        if not isinstance(entry, dict):
            errors.append({"entry_index": i, "field": "_root", "error": "entry must be an object"})
            continue
        missing = False
        for field in FIELDS:
            value = entry.get(field)
            if not isinstance(value, str) or not value.strip():
                errors.append({"entry_index": i, "field": field, "error": f"required field '{field}' missing or empty"})
                missing = True
        if missing:
            continue
        for field, cap in CAPS:
            if len(entry[field]) > cap:
                errors.append({"entry_index": i, "field": field, "error": f"{field} exceeds {cap} characters"})
        try:
            re.compile(entry["pattern"], re.IGNORECASE)
        except re.error as exc:
            message = f"invalid regex: {exc}"
            try:
                # What the route's JSONResponse does with the 422 body: a lone surrogate fails here.
                json.dumps(message, ensure_ascii=False).encode("utf-8")
            except UnicodeEncodeError as enc:
                surrogate = enc.object[enc.start]
                escaped = "".join(("\\\\u%04x" % ord(c)) if 0xD800 <= ord(c) <= 0xDFFF else c for c in str(exc))
                message = (f"daemon would fail with HTTP 500: UnicodeEncodeError: 'utf-8' codec can't encode character "
                           f"'\\\\u{ord(surrogate):04x}': surrogates not allowed (the 422 body would say \\"invalid regex: {escaped}\\", "
                           f"and a lone surrogate cannot be sent as UTF-8)")
            errors.append({"entry_index": i, "field": "pattern", "error": message})
        except Exception as exc:
            errors.append({"entry_index": i, "field": "pattern", "error": f"daemon would fail with HTTP 500: {type(exc).__name__}: {exc}"})
        else:
            if HEURISTIC.search(entry["pattern"]):
                errors.append({"entry_index": i, "field": "pattern", "error": "nested unbounded quantifier (possible catastrophic backtracking) \\u2014 rewrite to use bounded counts or anchored alternations"})
        for match in PLACEHOLDER.finditer(entry["reply_template"]):
            if match.group(1) not in PATHS:
                errors.append({"entry_index": i, "field": "reply_template", "error": f"snapshot path '{match.group(1)}' not in known scalar schema (see SNAPSHOT_SCALAR_PATHS in kora_cli/short_circuit/phrasebook_editor.py)"})
        key = (entry["pattern"], entry["category"])
        if key in seen:
            # The daemon's index lookup scans every object entry, also those that failed the
            # required-field check (issue #12): it can name an entry that is not in 'seen'.
            first = next(j for j, e in enumerate(entries)
                         if isinstance(e, dict) and e.get("pattern") == key[0] and e.get("category") == key[1])
            errors.append({"entry_index": i, "field": "_root", "error": f"duplicate (pattern, category) \\u2014 already declared at index {first}"})
        else:
            seen[key] = i
    return errors
`;
