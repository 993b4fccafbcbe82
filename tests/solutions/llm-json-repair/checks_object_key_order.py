# expect: wrong_answer first_problem_in_schema_order
# Validates the object's keys in the order they appear, then the missing fields: reports another problem than the schema's first.
import json


def prepare(raw):
    text = raw.strip()
    if text.startswith("```"):
        if "\n" not in text:
            return None
        text = text[text.index("\n") + 1 :]
        if "```" in text:
            text = text[: text.index("```")]
        text = text.strip()
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
        elif ch == "," and text[i + 1 :].lstrip(" \t\r\n")[:1] in ("}", "]"):
            continue
        out.append(ch)
    return "".join(out)


def ok(value, kind):
    return {
        "str": lambda v: type(v) is str,
        "int": lambda v: type(v) is int,
        "float": lambda v: type(v) in (int, float),
        "bool": lambda v: type(v) is bool,
        "list[str]": lambda v: type(v) is list and all(type(x) is str for x in v),
    }[kind](value)


def parse_llm_records(outputs, schema):
    accepted, rejected = [], []
    for i, raw in enumerate(outputs):
        text = prepare(raw)
        try:
            obj = json.loads(text) if text is not None else ...
        except ValueError:
            obj = ...
        if obj is ...:
            rejected.append((i, "invalid_json"))
            continue
        if not isinstance(obj, dict):
            rejected.append((i, "not_an_object"))
            continue
        reason, record = None, {}
        for key, value in obj.items():
            if key in schema and value is not None:
                kind = schema[key][0]
                if not ok(value, kind):
                    reason = f"wrong_type:{key}"
                    break
                record[key] = float(value) if kind == "float" else value
        if reason is None:
            for name, (_, required) in schema.items():
                if required and name not in record:
                    reason = f"missing_field:{name}"
                    break
        if reason:
            rejected.append((i, reason))
        else:
            accepted.append(record)
    return accepted, rejected
