#!/usr/bin/env python3
"""Differential test of `crosscheck validate` against frictionless-py, cell by cell.

Generates a few hundred small Table Schema + CSV cases across the types, formats and
constraints crosscheck supports, validates each with frictionless (its Python API) and with
crosscheck's CLI (`crosscheck validate FILE --schema S --format json`), and compares the
verdicts: for every cell, whether it breaks a rule of its field (type, format, a constraint,
`unique`); for every row, whether it breaks the primary key. Where the two differ on purpose,
the case names the sentence of the Table Schema spec that decides it; those are listed in
docs/table-schema.md. Any other disagreement is unexpected: the script prints it and exits 1.

    pip install frictionless        # once (5.x)
    cargo build --release -p crosscheck-cli
    python3 tools/spec-diff/diff.py [--crosscheck PATH] [--verbose]

Not part of `npm test`: it needs PyPI's frictionless, and what it checks is another tool.
"""

import argparse
import csv
import io
import json
import os
import subprocess
import sys
import tempfile

try:
    from frictionless import Resource
    import frictionless
except ImportError:
    sys.exit("spec-diff: frictionless is not installed (pip install frictionless)")

# Each deliberate disagreement, by id: where frictionless-py parts from the spec's text. The
# sentences are quoted in docs/table-schema.md under the same ids.
KNOWN = {
    "integer-lexical": "an integer is written in ASCII digits, nothing around them (frictionless: Python's int(), ' 1' and '１２' too)",
    "integer-groupchar": "v2 gives integer a groupChar (frictionless reads none for integers)",
    "number-special": "NaN, INF and -INF, in any case, are the only special numbers (frictionless: Python's Infinity too)",
    "nan-unique": "NaN twice is one value twice, which unique forbids (frictionless: NaN is never equal to itself)",
    "date-form": "a default date is YYYY-MM-DD (frictionless also takes 2024-4-1)",
    "datetime-form": "a default datetime has its T (frictionless also takes a space)",
    "datetime-zone": "a zone is at most 14:00 from UTC, as XML Schema bounds it (frictionless takes +14:30, +24:00)",
    "yearmonth-form": "yearmonth is gYearMonth's YYYY-MM (frictionless also takes 2024-4)",
    "uri-rfc": "a URI is RFC 3986's: no spaces, % before two hex digits (frictionless takes both)",
    "uuid-form": "a UUID is written 8-4-4-4-12 (frictionless also takes 32 hex digits)",
}

# Values per type: a few of each kind, valid and not. A value's tag (a KNOWN id) says the two
# tools are meant to disagree on it, whatever the constraints.
VALUES = {
    "integer": [
        ("0", None), ("-12", None), ("+7", None), ("0012", None), ("9007199254740993", None),
        ("1" * 41, None), ("1.5", None), ("1e3", None), ("abc", None), (" 1", "integer-lexical"), ("１２", "integer-lexical"),
        ("-0", None), ("", None),
    ],
    "number": [
        ("1.5", None), ("-0.25", None), (".5", None), ("5.", None), ("1e3", None), ("1E-3", None),
        ("0.10000000000000001", None), ("1e400", None), ("-0", None), ("NaN", None), ("nan", None),
        ("INF", None), ("-inf", None), ("Infinity", "number-special"),
        ("-Infinity", "number-special"), ("1,5", None), ("e3", None), ("1.2.3", None), ("abc", None),
        ("", None),
    ],
    "boolean": [
        ("true", None), ("True", None), ("TRUE", None), ("1", None), ("false", None), ("0", None),
        ("yes", None), ("tRUE", None), ("", None),
    ],
    "date": [
        ("2024-04-01", None), ("2024-02-29", None), ("2023-02-29", None), ("2024-4-1", "date-form"),
        ("2024/04/01", None), ("20240401", None), ("", None),
    ],
    "datetime": [
        ("2024-04-01T09:30:00Z", None), ("2024-04-01T09:30:00", None), ("2024-04-01T09:30:00+09:00", None),
        ("2024-04-01T09:30:00.123Z", None), ("2024-04-01T09:30:00+24:00", "datetime-zone"),
        ("2024-04-01T09:30:00+09:60", None), ("2024-04-01T09:30:00+14:30", "datetime-zone"),
        ("2024-04-01 09:30:00", "datetime-form"), ("2024-04-01", None), ("2024-02-30T00:00:00Z", None), ("", None),
    ],
    "time": [
        ("09:30:00", None), ("23:59:59", None), ("24:00:00", None), ("24:00:01", None), ("9:30", None), ("09:30:00.250", None),
        ("09:30:00Z", None), ("", None),
    ],
    "year": [("2024", None), ("0999", None), ("24", None), ("20245", None), ("abcd", None), ("", None)],
    "yearmonth": [("2024-04", None), ("2024-13", None), ("2024/04", None), ("2024-4", "yearmonth-form"), ("", None)],
    "string": [("abc", None), ("山田 太郎", None), ("１２３", None), ("a_b", None), ("", None)],
    "object": [('{"a": 1}', None), ("{}", None), ("[1]", None), ("x", None), ("", None)],
    "array": [("[1, 2]", None), ("[]", None), ('{"a": 1}', None), ("x", None), ("", None)],
}

FORMATS = {
    ("string", "email"): [
        ("taro@example.jp", None), ("a.b+c@x.co.jp", None), ("a..b@x.com", None), ("a@-x.com", None),
        ("a" * 65 + "@x.com", None), ("taro@", None), ("taro@example", None), ("a b@x.jp", None),
        (".a@x.jp", None), ("a@x_y.jp", None),
    ],
    ("string", "uri"): [
        ("http://example.jp/a?b=c#d", None), ("http:", None), ("mailto:a@x.jp", None), ("urn:isbn:0451450523", None),
        ("http://x.jp/a b", "uri-rfc"), ("example.jp", None), ("http://x.jp/%zz", "uri-rfc"), ("1http://x", None),
    ],
    ("string", "uuid"): [
        ("123e4567-e89b-12d3-a456-426614174000", None), ("123e4567e89b12d3a456426614174000", "uuid-form"), ("xyz", None),
    ],
    ("date", "%Y/%m/%d"): [("2024/04/01", None), ("2024-04-01", None), ("2024/4/31", None)],
}

# Constraint sets per type: (name, constraints, field extras).
def constraint_sets(kind):
    sets = [("none", {}, {}), ("required", {"required": True}, {})]
    bounds = {
        "integer": ("0", "100"), "number": ("0", "0.1"), "year": ("2000", "2100"),
        "date": ("2000-01-01", "2024-03-31"), "datetime": ("2024-04-01T00:00:00Z", "2024-04-01T09:30:00Z"),
        "time": ("09:00:00", "12:00:00"), "yearmonth": ("2000-01", "2024-03"),
    }
    if kind in bounds:
        lo, hi = bounds[kind]
        json_lo = json.loads(lo) if kind in ("integer", "number", "year") else lo
        json_hi = json.loads(hi) if kind in ("integer", "number", "year") else hi
        sets += [
            ("minimum", {"minimum": json_lo}, {}),
            ("maximum", {"maximum": json_hi}, {}),
            ("minimum-text", {"minimum": lo}, {}),
            ("exclusive", {"exclusiveMinimum": json_lo, "exclusiveMaximum": json_hi}, {}),
        ]
    if kind == "string":
        sets += [
            ("pattern-digits", {"pattern": r"\d+"}, {}),
            ("pattern-class", {"pattern": "[a-z]+"}, {}),
            ("minLength", {"minLength": 3}, {}),
            ("maxLength", {"maxLength": 3}, {}),
            ("enum", {"enum": ["abc", "山田 太郎"]}, {}),
        ]
    if kind in ("object", "array"):
        sets += [("maxLength", {"maxLength": 1}, {})]
    if kind == "integer":
        sets += [
            ("enum", {"enum": [0, 7, "12"]}, {}),
            ("groupChar", {}, {"groupChar": ","}),
            ("bareNumber", {}, {"bareNumber": False}),
        ]
    if kind == "number":
        sets += [("enum", {"enum": [1.5, "0.1"]}, {}), ("decimalChar", {}, {"decimalChar": ",", "groupChar": "."})]
    if kind == "boolean":
        sets += [
            ("enum", {"enum": [True]}, {}),
            ("trueValues", {"enum": [True]}, {"trueValues": ["はい", "yes"], "falseValues": ["いいえ", "no"]}),
        ]
    return sets


def extra_values(kind, set_name):
    """Values a constraint set adds to its type's own."""
    if kind == "integer" and set_name == "groupChar":
        return [("1,200", "integer-groupchar"), ("1,2,0,0", "integer-groupchar"), (",12", "integer-groupchar")]
    if kind == "integer" and set_name == "bareNumber":
        return [("¥1200", None), ("1200円", None), ("12%", None), ("€ 95", None)]
    if kind == "number" and set_name == "decimalChar":
        return [("1.200,50", None), ("1200,5", None), ("-0,5", None)]
    if kind == "boolean" and set_name == "trueValues":
        return [("はい", None), ("いいえ", None), ("yes", None), ("no", None)]
    if kind == "string" and set_name.startswith("pattern"):
        return [("123", None), ("１２３", None), ("٣", None), ("abc", None), ("abc\u3000", None)]
    return []


V2 = "https://datapackage.org/profiles/2.0/tableschema.json"


def has_zone(v):
    return v.endswith("Z") or (len(v) > 6 and v[-6] in "+-" and v[-3] == ":")


def cases():
    """(name, schema descriptor, values with their tags) for every case."""
    out = []
    for kind, values in VALUES.items():
        for set_name, constraints, extras in constraint_sets(kind):
            field = {"name": "v", "type": kind, **extras}
            if constraints:
                field["constraints"] = constraints
            vals = values + extra_values(kind, set_name)
            if kind in ("datetime", "time") and set_name not in ("none", "required"):
                # frictionless raises comparing a zoned value with a bound without a zone (and
                # the other way round): only values that have the bound's kind of zone.
                zoned = kind == "datetime"
                vals = [(v, t) for v, t in vals if not v or has_zone(v) == zoned]
            # Exclusive bounds are v2's, and frictionless reads them only in a v2 schema.
            top = {"$schema": V2} if set_name == "exclusive" else {}
            out.append((f"{kind}/{set_name}", {**top, "fields": [field]}, vals))
            unique = dict(field, constraints={**constraints, "unique": True})
            # Unique: each value twice, so every spelling meets every other.
            out.append((f"{kind}/{set_name}+unique", {**top, "fields": [unique]}, vals + vals))
    for (kind, fmt), values in FORMATS.items():
        out.append((f"{kind}:{fmt}", {"fields": [{"name": "v", "type": kind, "format": fmt}]}, values))
    # Uniqueness by logical value, and values that break another rule.
    out += [
        ("unique/integers", {"fields": [{"name": "v", "type": "integer", "constraints": {"unique": True}}]},
         [("9007199254740992", None), ("9007199254740993", None), ("12", None), ("012", None), ("+12", None)]),
        ("unique/numbers", {"fields": [{"name": "v", "type": "number", "constraints": {"unique": True}}]},
         [("0.1", None), ("0.10000000000000001", None), ("0", None), ("-0", None), ("1.50", None), ("1.5", None)]),
        ("unique/nan", {"fields": [{"name": "v", "type": "number", "constraints": {"unique": True}}]},
         [("NaN", None), ("NaN", "nan-unique")]),
        ("unique/maxLength", {"fields": [{"name": "v", "constraints": {"unique": True, "maxLength": 3}}]},
         [("abcd", None), ("abcd", None), ("ab", None)]),
        ("unique/instants", {"fields": [{"name": "v", "type": "datetime", "constraints": {"unique": True}}]},
         [("2024-01-01T00:00:00Z", None), ("2024-01-01T00:00:00+00:00", None),
          ("2024-01-01T09:00:00+09:00", None), ("2024-01-01T00:00:00", None)]),
        ("number/nan-minimum", {"fields": [{"name": "v", "type": "number", "constraints": {"minimum": 0}}]},
         [("NaN", None), ("INF", None), ("-INF", None), ("0", None)]),
        ("primaryKey", {"fields": [{"name": "id", "type": "integer"}, {"name": "w"}], "primaryKey": ["id"]},
         [(("1", "a"), None), (("01", "b"), None), (("2", "c"), None), (("", "d"), None)]),
        ("primaryKey/composite", {"fields": [{"name": "id"}, {"name": "w", "type": "integer"}], "primaryKey": ["id", "w"]},
         [(("a", "1"), None), (("a", "01"), None), (("a", "2"), None), (("b", "1"), None)]),
        ("missingValues", {"fields": [{"name": "v", "type": "integer", "constraints": {"required": True}}], "missingValues": ["", "-", "NA"]},
         [("1", None), ("-", None), ("NA", None), ("", None), ("x", None)]),
        ("v2/field-missingValues", {"$schema": V2,
          "fields": [{"name": "v", "type": "integer", "missingValues": ["-"]}], "missingValues": ["", "NA"]},
         [("1", None), ("-", None), ("NA", None)]),
    ]
    return out


def write_csv(path, header, rows):
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        for r in rows:
            w.writerow(r)


def frictionless_verdicts(folder, schema, rows):
    """Bad cells {(row, field)} and bad rows {row} (primary key, malformed), rows from 1. A
    primary key with an empty part is the empty cells (crosscheck says "required" of them)."""
    # frictionless reads v2's properties only in a v2 resource.
    descriptor = {"name": "t", "path": "t.csv", "schema": schema}
    if schema.get("$schema") == V2:
        descriptor["$schema"] = "https://datapackage.org/profiles/2.0/dataresource.json"
    report = Resource.from_descriptor(descriptor, basepath=folder).validate()
    cells, bad_rows = set(), set()
    for task in report.tasks:
        for e in task.errors:
            row = getattr(e, "row_number", None)
            if row is None:
                raise RuntimeError(f"frictionless: {e.type}: {e.message}")
            row -= 1  # frictionless counts the header as row 1
            field = getattr(e, "field_name", None)
            if e.type in ("type-error", "constraint-error", "unique-error", "missing-cell"):
                cells.add((row, field))
                continue
            names = [f["name"] for f in schema["fields"]]
            empty = [n for n in schema.get("primaryKey", []) if rows[row - 1][names.index(n)] == ""]
            if e.type == "primary-key" and empty:
                cells.update((row, n) for n in empty)
            else:
                bad_rows.add(row)
    return cells, bad_rows


def crosscheck_verdicts(binary, folder, schema):
    """The same from crosscheck's JSON report: a duplicate counts from its second row on, as
    frictionless reports it."""
    schema_path = os.path.join(folder, "s.json")
    with open(schema_path, "w", encoding="utf-8") as f:
        json.dump(schema, f, ensure_ascii=False)
    out = subprocess.run(
        [binary, "validate", os.path.join(folder, "t.csv"), "--schema", schema_path, "--format", "json"],
        capture_output=True,
    )
    if out.returncode not in (0, 1):
        raise RuntimeError(f"crosscheck: {out.stderr.decode().strip()}")
    report = json.loads(out.stdout)
    cells, rows = set(), set()
    for f in report["findings"]:
        if f["kind"] == "invalid":
            cells.add((f["row"], f["column"]))
        elif f["kind"] == "duplicate" and f["rule"] == "unique":
            cells.update((r, f["columns"][0]) for r in f["rows"][1:])
        elif f["kind"] == "duplicate":
            rows.update(f["rows"][1:])
        else:
            rows.add(f["row"])
    return cells, rows


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    target = os.environ.get("CARGO_TARGET_DIR", os.path.join(os.path.dirname(__file__), "..", "..", "target"))
    ap.add_argument("--crosscheck", default=os.path.join(target, "release", "crosscheck"))
    ap.add_argument("--verbose", action="store_true", help="print every disagreement, expected ones too")
    args = ap.parse_args()
    if not os.path.exists(args.crosscheck):
        sys.exit(f"spec-diff: {args.crosscheck} is missing (cargo build --release -p crosscheck-cli)")

    table = {}  # class → [cells, agree, known, unexpected]
    unexpected = []
    crashed = []
    known_seen = {}
    all_cases = cases()
    for name, schema, values in all_cases:
        # A first column that is never empty: a row whose every cell is empty is a blank row
        # to both tools, read past by crosscheck and reported by frictionless.
        schema = dict(schema, fields=[{"name": "k"}] + schema["fields"])
        fields = [f["name"] for f in schema["fields"]]
        rows = [(str(i + 1),) + (v if isinstance(v, tuple) else (v,)) for i, (v, _) in enumerate(values)]
        tags = {i + 1: tag for i, (_, tag) in enumerate(values) if tag}
        cls = name.split("/")[0].split(":")[0]
        line = table.setdefault(cls, [0, 0, 0, 0])
        with tempfile.TemporaryDirectory() as folder:
            write_csv(os.path.join(folder, "t.csv"), fields, rows)
            try:
                cc_cells, cc_rows = crosscheck_verdicts(args.crosscheck, folder, schema)
            except RuntimeError as e:  # crosscheck refused the schema: unexpected, here
                unexpected.append(f"{name}: {e}")
                line[3] += 1
                continue
            try:
                fl_cells, fl_rows = frictionless_verdicts(folder, schema, rows)
            except Exception as e:  # frictionless's own failure: nothing to compare
                crashed.append(f"{name}: {type(e).__name__}: {e}")
                continue
        for r in range(1, len(rows) + 1):
            verdicts = [((r, f) in fl_cells, (r, f) in cc_cells, f) for f in fields]
            verdicts.append((r in fl_rows, r in cc_rows, "(row)"))
            for fl, cc, f in verdicts:
                line[0] += 1
                if fl == cc:
                    line[1] += 1
                    continue
                said = f"{name}: row {r} {f} {rows[r - 1][1:]!r}: frictionless {'bad' if fl else 'ok'}, crosscheck {'bad' if cc else 'ok'}"
                # A tag on a unique case's value also marks its second copy.
                tag = tags.get(r) or tags.get(r - len(rows) // 2 if name.endswith("+unique") else -1)
                if not tag and f == "v" and not fl and "unique" in name and rows[r - 1][1].lower() == "nan":
                    tag = "nan-unique"
                if tag:
                    line[2] += 1
                    known_seen[tag] = known_seen.get(tag, 0) + 1
                    if args.verbose:
                        print(f"  expected [{tag}] {said}")
                else:
                    line[3] += 1
                    unexpected.append(said)

    print(f"crosscheck validate vs frictionless {frictionless.__version__}: {len(all_cases)} cases\n")
    print(f"| {'class':<13} | {'verdicts':>8} | {'agree':>6} | {'deliberate':>10} | {'unexpected':>10} |")
    print(f"|{'-' * 15}|{'-' * 9}:|{'-' * 7}:|{'-' * 11}:|{'-' * 11}:|")
    totals = [0, 0, 0, 0]
    for cls, (n, agree, known, bad) in sorted(table.items()):
        print(f"| {cls:<13} | {n:>8} | {agree:>6} | {known:>10} | {bad:>10} |")
        totals = [a + b for a, b in zip(totals, (n, agree, known, bad))]
    print(f"| {'total':<13} | {totals[0]:>8} | {totals[1]:>6} | {totals[2]:>10} | {totals[3]:>10} |")
    if known_seen:
        print("\ndeliberate disagreements (docs/table-schema.md):")
        for tag, n in sorted(known_seen.items()):
            print(f"  {tag:<24} {n:>3}  {KNOWN[tag]}")
    if crashed:
        print(f"\n{len(crashed)} cases not compared (frictionless raised an exception):")
        for c in crashed:
            print(f"  {c}")
    if unexpected:
        print(f"\n{len(unexpected)} unexpected disagreements:")
        for u in unexpected:
            print(f"  {u}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
