# expect: wrong_answer unrepairable_text_rejected
# Slices from the first "{" to the last "}", silently accepting objects wrapped in prose that the contract rejects.
import json


def remove_trailing_commas(s):
    out = []
    in_string = escape = False
    for i, c in enumerate(s):
        if in_string:
            if escape:
                escape = False
            elif c == "\\":
                escape = True
            elif c == '"':
                in_string = False
        elif c == '"':
            in_string = True
        elif c == ",":
            rest = s[i + 1 :].lstrip(" \t\n\r")
            if rest[:1] in ("}", "]"):
                continue
        out.append(c)
    return "".join(out)


def check(value, kind):
    if kind == "str":
        return isinstance(value, str)
    if kind == "int":
        return isinstance(value, int) and not isinstance(value, bool)
    if kind == "float":
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if kind == "bool":
        return isinstance(value, bool)
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def parse_llm_records(outputs, schema):
    accepted, rejected = [], []
    for i, raw in enumerate(outputs):
        start, end = raw.find("{"), raw.rfind("}")
        if start != -1 and end > start:
            text = raw[start : end + 1]
        else:
            text = raw.strip()
            if text.startswith("```"):
                text = text.split("\n", 1)[1] if "\n" in text else ""
                text = text.split("```")[0]
        try:
            obj = json.loads(remove_trailing_commas(text))
        except ValueError:
            rejected.append((i, "invalid_json"))
            continue
        if not isinstance(obj, dict):
            rejected.append((i, "not_an_object"))
            continue
        record, reason = {}, None
        for name, (kind, required) in schema.items():
            if obj.get(name) is None:
                if required:
                    reason = f"missing_field:{name}"
                    break
                continue
            if not check(obj[name], kind):
                reason = f"wrong_type:{name}"
                break
            record[name] = float(obj[name]) if kind == "float" else obj[name]
        if reason is None:
            accepted.append(record)
        else:
            rejected.append((i, reason))
    return accepted, rejected
