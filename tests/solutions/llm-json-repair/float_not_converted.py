# expect: wrong_answer clean_records_accepted
# Accepts an integer for a "float" field but stores it unchanged: the record holds 3 (int) instead of 3.0.
import json


def strip_fences(text):
    text = text.strip()
    if text.startswith("```"):
        newline = text.find("\n")
        if newline == -1:
            return None
        text = text[newline + 1 :]
        end = text.find("```")
        if end != -1:
            text = text[:end]
    return text.strip()


def drop_trailing_commas(text):
    out, in_string, escaped = [], False, False
    for i, ch in enumerate(text):
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch == ",":
            j = i + 1
            while j < len(text) and text[j] in " \t\n\r":
                j += 1
            if j < len(text) and text[j] in "}]":
                continue
        out.append(ch)
    return "".join(out)


def type_ok(value, kind):
    if kind == "str":
        return isinstance(value, str)
    if kind == "int":
        return type(value) is int
    if kind == "float":
        return type(value) in (int, float)
    if kind == "bool":
        return type(value) is bool
    return isinstance(value, list) and all(isinstance(x, str) for x in value)


def parse_llm_records(outputs, schema):
    accepted, rejected = [], []
    for i, raw in enumerate(outputs):
        text = strip_fences(raw)
        try:
            obj = json.loads(drop_trailing_commas(text)) if text is not None else None
        except ValueError:
            text = None
        if text is None:
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
            if not type_ok(value, kind):
                reason = f"wrong_type:{name}"
                break
            record[name] = value
        if reason:
            rejected.append((i, reason))
        else:
            accepted.append(record)
    return accepted, rejected
