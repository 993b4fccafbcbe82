def parse_llm_records(outputs: list[str], schema: dict[str, tuple[str, bool]]) -> tuple[list[dict], list[tuple[int, str]]]:
    """Repair, parse and validate raw LLM outputs against a schema.

    For each output: strip whitespace and a leading ``` fence (and everything from the closing
    fence on), remove trailing commas outside strings, json-parse, then check the schema's
    fields in order. Returns (accepted records in input order, [(index, reason), ...]) with
    reason "invalid_json", "not_an_object", "missing_field:<name>" or "wrong_type:<name>".
    schema maps name -> (type, required), type in "str", "int", "float", "bool", "list[str]".
    """
    raise NotImplementedError
