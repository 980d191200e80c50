#!/usr/bin/env python3
"""Validates qiyue JSON Lines output with a standard JSON Schema validator (python-jsonschema),
not only with the hand-written validator of the Swift tests.

    validate-schema.py RESULTS.jsonl [...]

Each line must be a qiyue.document/1 report (Rules/schema/qiyue.document-1.schema.json) or an
error record (Rules/schema/qiyue.error-1.schema.json); a JSON array line (stream mode with
--split) is checked element by element. Exit status 1 on the first file with an invalid line.
"""
import json, pathlib, sys
from jsonschema import Draft202012Validator

root = pathlib.Path(__file__).resolve().parents[2]
report = Draft202012Validator(json.loads((root / "Rules/schema/qiyue.document-1.schema.json").read_text()))
error = Draft202012Validator(json.loads((root / "Rules/schema/qiyue.error-1.schema.json").read_text()))
Draft202012Validator.check_schema(report.schema)
Draft202012Validator.check_schema(error.schema)

bad = 0
counts = {"reports": 0, "errors": 0}
for path in sys.argv[1:]:
    for n, line in enumerate(open(path, encoding="utf-8"), 1):
        line = line.rstrip("\n")
        if "\t" in line and not line.startswith("{") and not line.startswith("["):
            line = line.split("\t", 1)[1]   # id<TAB>json (stream TSV)
        value = json.loads(line)
        for item in value if isinstance(value, list) else [value]:
            kind, v = ("errors", error) if "error" in item else ("reports", report)
            problems = sorted(v.iter_errors(item), key=lambda e: list(e.path))
            counts[kind] += 1
            for p in problems[:5]:
                bad += 1
                print(f"{path}:{n}: {'/'.join(map(str, p.path))}: {p.message[:200]}")
print(f"schema check: {counts['reports']} reports and {counts['errors']} error records, {bad} problems")
sys.exit(1 if bad else 0)
