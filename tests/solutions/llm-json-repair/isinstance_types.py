# expect: wrong_answer field_types_are_strict
# Checks types with isinstance: true/false pass as "int" and "float" because bool subclasses int.
import json

PY_TYPES = {"str": str, "int": int, "float": (int, float), "bool": bool, "list[str]": list}


def strip_fence(text):
    text = text.strip()
    if not text.startswith("```"):
        return text
    if "\n" not in text:
        return None
    body = text.split("\n", 1)[1]
    return body.split("```", 1)[0].strip()


def drop_commas(text):
    out, in_str, esc = [], False, False
    for i, ch in enumerate(text):
        if in_str:
            if esc:
                esc = False
            elif ch == "\\":
                esc = True
            elif ch == '"':
                in_str = False
        elif ch == '"':
            in_str = True
        elif ch == ",":
            j = i + 1
            while j < len(text) and text[j] in " \t\r\n":
                j += 1
            if j < len(text) and text[j] in "}]":
                continue
        out.append(ch)
    return "".join(out)


def parse_llm_records(outputs, schema):
    accepted, rejected = [], []
    for i, raw in enumerate(outputs):
        text = strip_fence(raw)
        if text is None:
            rejected.append((i, "invalid_json"))
            continue
        try:
            obj = json.loads(drop_commas(text))
        except ValueError:
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
            if not isinstance(value, PY_TYPES[kind]) or (kind == "list[str]" and not all(isinstance(x, str) for x in value)):
                reason = f"wrong_type:{name}"
                break
            record[name] = float(value) if kind == "float" else value
        if reason:
            rejected.append((i, reason))
        else:
            accepted.append(record)
    return accepted, rejected
