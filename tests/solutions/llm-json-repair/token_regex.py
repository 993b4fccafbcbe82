# expect: passed
# Correct alternative: one regex that matches whole string literals (kept) or trailing commas (dropped), and a table of validators.
import json
import re

TOKEN = re.compile(r'"(?:\\.|[^"\\])*"|,(?=[ \t\n\r]*[}\]])')
FENCE = "```"

VALIDATORS = {
    "str": lambda v: isinstance(v, str),
    "int": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "float": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
    "bool": lambda v: isinstance(v, bool),
    "list[str]": lambda v: isinstance(v, list) and all(isinstance(x, str) for x in v),
}


def repair(raw):
    text = raw.strip()
    if text.startswith(FENCE):
        _, sep, body = text.partition("\n")
        if not sep:
            return None
        text = body.partition(FENCE)[0].strip()
    # A string literal matches as a whole and is put back; a lone match is a trailing comma.
    return TOKEN.sub(lambda m: m.group(0) if m.group(0).startswith('"') else "", text)


def classify(raw, schema):
    text = repair(raw)
    if text is None:
        return "invalid_json", None
    try:
        obj = json.loads(text)
    except json.JSONDecodeError:
        return "invalid_json", None
    if type(obj) is not dict:
        return "not_an_object", None
    record = {}
    for name, (kind, required) in schema.items():
        if obj.get(name) is None:
            if required:
                return f"missing_field:{name}", None
        elif not VALIDATORS[kind](obj[name]):
            return f"wrong_type:{name}", None
        else:
            # float() of the digits, not of the int: a huge integer overflows to inf as 1e400 does
            record[name] = float(str(obj[name])) if kind == "float" else obj[name]
    return None, record


def parse_llm_records(outputs, schema):
    results = [classify(raw, schema) for raw in outputs]
    accepted = [record for reason, record in results if reason is None]
    rejected = [(i, reason) for i, (reason, _) in enumerate(results) if reason is not None]
    return accepted, rejected
