# expect: wrong_answer missing_null_and_unknown_fields
# Validates the schema fields but returns the whole parsed object, unknown keys and nulls included.
import json


def parse_llm_records(outputs, schema):
    accepted, rejected = [], []
    for i, raw in enumerate(outputs):
        text = raw.strip()
        if text.startswith("```"):
            lines = text.split("\n", 1)
            if len(lines) == 1:
                rejected.append((i, "invalid_json"))
                continue
            text = lines[1].split("```", 1)[0].strip()
        chars, in_str, esc = [], False, False
        for j, ch in enumerate(text):
            if in_str:
                if esc:
                    esc = False
                elif ch == "\\":
                    esc = True
                elif ch == '"':
                    in_str = False
            elif ch == '"':
                in_str = True
            elif ch == "," and text[j + 1 :].lstrip(" \t\r\n")[:1] in ("}", "]"):
                continue
            chars.append(ch)
        try:
            obj = json.loads("".join(chars))
        except ValueError:
            rejected.append((i, "invalid_json"))
            continue
        if not isinstance(obj, dict):
            rejected.append((i, "not_an_object"))
            continue
        reason = None
        for name, (kind, required) in schema.items():
            value = obj.get(name)
            if value is None:
                if required:
                    reason = f"missing_field:{name}"
                    break
                continue
            ok = {
                "str": type(value) is str,
                "int": type(value) is int,
                "float": type(value) in (int, float),
                "bool": type(value) is bool,
                "list[str]": type(value) is list and all(type(x) is str for x in value),
            }[kind]
            if not ok:
                reason = f"wrong_type:{name}"
                break
            if kind == "float":
                obj[name] = float(value)
        if reason:
            rejected.append((i, reason))
        else:
            accepted.append(obj)
    return accepted, rejected
