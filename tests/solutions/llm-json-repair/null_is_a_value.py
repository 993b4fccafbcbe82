# expect: wrong_answer missing_null_and_unknown_fields
# Treats only absent keys as missing: a null value then fails the type check (wrong_type) or is kept as None.
import json


def unfence(s):
    s = s.strip()
    if s.startswith("```"):
        nl = s.find("\n")
        if nl < 0:
            return None
        s = s[nl + 1 :]
        end = s.find("```")
        if end >= 0:
            s = s[:end]
    return s.strip()


def no_trailing_commas(s):
    res, quoted, skip = [], False, False
    for i, c in enumerate(s):
        if quoted:
            if skip:
                skip = False
            elif c == "\\":
                skip = True
            elif c == '"':
                quoted = False
        elif c == '"':
            quoted = True
        elif c == "," and s[i + 1 :].lstrip(" \t\r\n")[:1] in ("}", "]"):
            continue
        res.append(c)
    return "".join(res)


def type_ok(v, kind):
    if kind == "str":
        return type(v) is str
    if kind == "int":
        return type(v) is int
    if kind == "float":
        return type(v) in (int, float)
    if kind == "bool":
        return type(v) is bool
    return type(v) is list and all(type(x) is str for x in v)


def parse_llm_records(outputs, schema):
    accepted, rejected = [], []
    for i, raw in enumerate(outputs):
        text = unfence(raw)
        try:
            obj = json.loads(no_trailing_commas(text)) if text is not None else None
            ok = text is not None
        except ValueError:
            ok = False
        if not ok:
            rejected.append((i, "invalid_json"))
            continue
        if not isinstance(obj, dict):
            rejected.append((i, "not_an_object"))
            continue
        record, reason = {}, None
        for name, (kind, required) in schema.items():
            if name not in obj:
                if required:
                    reason = f"missing_field:{name}"
                    break
                continue
            value = obj[name]
            if value is not None and not type_ok(value, kind):
                reason = f"wrong_type:{name}"
                break
            if value is None and required:
                reason = f"wrong_type:{name}"
                break
            record[name] = float(value) if kind == "float" and value is not None else value
        if reason:
            rejected.append((i, reason))
        else:
            accepted.append(record)
    return accepted, rejected
