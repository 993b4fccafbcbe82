import json
import math

JSON_WHITESPACE = " \t\n\r"


def _strip_fences(text: str) -> str | None:
    """The text inside a leading ``` fence (or the stripped text); None if the fence line never ends."""
    text = text.strip()
    if not text.startswith("```"):
        return text
    newline = text.find("\n")
    if newline == -1:
        return None
    body = text[newline + 1 :]
    closing = body.find("```")
    if closing != -1:
        body = body[:closing]  # the closing fence and any chatter after it
    return body.strip()


def _drop_trailing_commas(text: str) -> str:
    """Remove commas followed (after whitespace) by } or ], skipping string literals."""
    out = []
    in_string = escaped = False
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
            while j < len(text) and text[j] in JSON_WHITESPACE:
                j += 1
            if j < len(text) and text[j] in "}]":
                continue  # a trailing comma: drop it
        out.append(ch)
    return "".join(out)


def _convert(value, kind):
    """(True, value for the record) if value has the schema type, else (False, None)."""
    if kind == "str":
        return isinstance(value, str), value
    if kind == "int":
        return type(value) is int, value  # bool is a subclass of int: excluded on purpose
    if kind == "float":
        if type(value) not in (int, float):
            return False, None
        try:
            return True, float(value)
        except OverflowError:  # an int literal beyond the float range: +-inf, as json.loads reads 1e400
            return True, math.inf if value > 0 else -math.inf
    if kind == "bool":
        return type(value) is bool, value
    if kind == "list[str]":
        return isinstance(value, list) and all(isinstance(x, str) for x in value), value
    raise ValueError(f"unknown schema type {kind!r}")


def _parse_one(raw: str, schema: dict[str, tuple[str, bool]]) -> tuple[dict | None, str | None]:
    text = _strip_fences(raw)
    if text is None:
        return None, "invalid_json"
    try:
        obj = json.loads(_drop_trailing_commas(text))
    except ValueError:
        return None, "invalid_json"
    if not isinstance(obj, dict):
        return None, "not_an_object"
    record = {}
    for name, (kind, required) in schema.items():  # schema order: the first problem wins
        value = obj.get(name)
        if value is None:
            if required:
                return None, f"missing_field:{name}"
            continue
        ok, converted = _convert(value, kind)
        if not ok:
            return None, f"wrong_type:{name}"
        record[name] = converted
    return record, None


def parse_llm_records(outputs: list[str], schema: dict[str, tuple[str, bool]]) -> tuple[list[dict], list[tuple[int, str]]]:
    """Repair (fences, trailing commas), parse and validate every output against the schema."""
    accepted: list[dict] = []
    rejected: list[tuple[int, str]] = []
    for index, raw in enumerate(outputs):
        record, reason = _parse_one(raw, schema)
        if reason is None:
            accepted.append(record)
        else:
            rejected.append((index, reason))
    return accepted, rejected
