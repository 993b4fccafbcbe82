# expect: wrong_answer code_fences_stripped
# Strips the closing fence with removesuffix, so chatter after the closing fence (or a fence that never closes) breaks parsing.
import json

TYPES = {"str": (str,), "int": (int,), "float": (int, float), "bool": (bool,), "list[str]": (list,)}


def clean(text):
    text = text.strip()
    if text.startswith("```"):
        text = text.removeprefix("```json").removeprefix("```").removesuffix("```")
    return text.strip()


def strip_commas(text):
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


def valid(value, kind):
    if isinstance(value, bool) and kind != "bool":
        return False
    if not isinstance(value, TYPES[kind]):
        return False
    return kind != "list[str]" or all(isinstance(x, str) for x in value)


def parse_llm_records(outputs, schema):
    accepted, rejected = [], []
    for i, raw in enumerate(outputs):
        try:
            obj = json.loads(strip_commas(clean(raw)))
        except ValueError:
            rejected.append((i, "invalid_json"))
            continue
        if not isinstance(obj, dict):
            rejected.append((i, "not_an_object"))
            continue
        record = {}
        for name, (kind, required) in schema.items():
            value = obj.get(name)
            if value is None:
                if required:
                    rejected.append((i, f"missing_field:{name}"))
                    break
                continue
            if not valid(value, kind):
                rejected.append((i, f"wrong_type:{name}"))
                break
            record[name] = float(value) if kind == "float" else value
        else:
            accepted.append(record)
    return accepted, rejected
