# expect: wrong_answer trailing_commas_removed_outside_strings
# Removes trailing commas with a regex over the whole text, which also edits string contents like "Dee, }".
import json
import re


def parse_llm_records(outputs, schema):
    accepted, rejected = [], []
    for i, raw in enumerate(outputs):
        text = raw.strip()
        if text.startswith("```"):
            if "\n" not in text:
                rejected.append((i, "invalid_json"))
                continue
            text = text.split("\n", 1)[1]
            text = text.split("```", 1)[0].strip()
        text = re.sub(r",\s*([}\]])", r"\1", text)
        try:
            obj = json.loads(text)
        except json.JSONDecodeError:
            rejected.append((i, "invalid_json"))
            continue
        if not isinstance(obj, dict):
            rejected.append((i, "not_an_object"))
            continue
        record, reason = {}, None
        for name, (kind, required) in schema.items():
            value = obj.get(name)
            if value is None:
                if required:
                    reason = f"missing_field:{name}"
                    break
                continue
            if kind == "str":
                ok = isinstance(value, str)
            elif kind == "int":
                ok = type(value) is int
            elif kind == "float":
                ok = type(value) in (int, float)
                value = float(value) if ok else value
            elif kind == "bool":
                ok = type(value) is bool
            else:
                ok = isinstance(value, list) and all(isinstance(x, str) for x in value)
            if not ok:
                reason = f"wrong_type:{name}"
                break
            record[name] = value
        if reason:
            rejected.append((i, reason))
        else:
            accepted.append(record)
    return accepted, rejected
