"""Hidden tests for llm-json-repair."""

import json

from mlkata.judge.api import Fail, Rand, describe, short, test, unpack

CALL = "parse_llm_records(outputs, schema)"
FENCE = "`" * 3

PEOPLE = {
    "name": ("str", True),
    "age": ("int", True),
    "score": ("float", False),
    "tags": ("list[str]", False),
    "active": ("bool", False),
}


def run(parse, case):
    outputs, schema = case()
    result = parse(list(outputs), dict(schema))
    accepted, rejected = unpack(result, 2, CALL)
    return {"accepted": accepted, "rejected": rejected}


def _outcomes(result, n, strict):
    """Per output: ("accepted", record) or ("rejected", reason); Fail if the shape is off."""
    accepted, rejected = result["accepted"], result["rejected"]
    if not isinstance(accepted, (list, tuple)) or not all(isinstance(r, dict) for r in accepted):
        raise Fail(f"{CALL}: accepted should be a list of dicts, got {describe(accepted)}")
    if not isinstance(rejected, (list, tuple)):
        raise Fail(f"{CALL}: rejected should be a list of (index, reason) tuples, got {describe(rejected)}")
    indices = []
    for item in rejected:
        if not (isinstance(item, (list, tuple)) and len(item) == 2 and type(item[0]) is int and isinstance(item[1], str)):
            raise Fail(f"{CALL}: every rejected item should be an (index, reason) tuple, got {short(item)}")
        indices.append(item[0])
    if strict:
        if indices != sorted(set(indices)) or any(not 0 <= i < n for i in indices):
            raise Fail(f"{CALL}: rejected indices should be distinct, in 0..{n - 1} and increasing, got {short(indices, 120)}")
        if len(accepted) + len(rejected) != n:
            raise Fail(
                f"{CALL}: {n} outputs but {len(accepted)} accepted + {len(rejected)} rejected "
                "(every output is either accepted or rejected)"
            )
    reasons = dict(rejected)
    records = iter(accepted)
    return [("rejected", reasons[i]) if i in reasons else ("accepted", next(records)) for i in range(n)]


def _strict_equal(a, b):
    """Equal values of the same types (5.0 is not 5, True is not 1)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(_strict_equal(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(_strict_equal(x, y) for x, y in zip(a, b, strict=True))
    return a == b


def _show(outcome):
    kind, value = outcome
    return f"rejected with {value!r}" if kind == "rejected" else f"accepted as {short(value, 120)}"


def _typed(value):
    return f"{short(value, 50)} ({type(value).__name__})"


def _difference(e, g):
    if e[0] == g[0] == "accepted":
        want, have = e[1], g[1]
        for key in want:
            if key not in have:
                return f"the record misses {key!r} (expected {_typed(want[key])}); got {short(have, 100)}"
            if not _strict_equal(want[key], have[key]):
                return f"record[{key!r}]: expected {_typed(want[key])}, got {_typed(have[key])}"
        extra = next(k for k in have if k not in want)
        return f"the record should not have the key {extra!r}: expected {short(want, 100)}, got {short(have, 100)}"
    return f"expected {_show(e)}, got {_show(g)}"


def checker(case):
    """Compare output by output; the message shows the first output treated differently."""

    def check(expected, got):
        outputs, _ = case()
        want = _outcomes(expected, len(outputs), strict=False)
        have = _outcomes(got, len(outputs), strict=True)
        for i, (e, g) in enumerate(zip(want, have, strict=True)):
            if e[0] != g[0] or not _strict_equal(e[1], g[1]):
                raise Fail(f"outputs[{i}] = {short(outputs[i], 90)}: {_difference(e, g)}")

    return check


def fenced(body, tag="json", after=""):
    return f"{FENCE}{tag}\n{body}\n{FENCE}{after}"


def clean_case():
    return [
        '{"name": "Ann", "age": 31}',
        '{"name": "Bo", "age": 25, "score": 2.5, "tags": ["ml", "nlp"], "active": true}',
        '  \n{"active": false, "tags": [], "score": 3, "age": 0, "name": ""}\n',
        '{"name": "Cy", "age": -7, "score": -0.25, "tags": ["a"]}',
    ], PEOPLE


@test(check=checker(clean_case))
def clean_records_accepted(parse):
    return run(parse, clean_case)


def fences_case():
    return [
        fenced('{"name": "Ann", "age": 31}'),
        fenced('{"name": "Bo", "age": 25}', tag=""),
        fenced('{"name": "Cy", "age": 40}', after="\nLet me know if you need anything else!"),
        "\n\n  " + fenced('{"name": "Dee", "age": 52, "tags": ["x"]}', tag="JSON") + "  \n",
        FENCE + 'json\n{"name": "Eve", "age": 22}',  # cut off before the closing fence
        FENCE + 'json   \n\n{"name": "Fay", "age": 19}\n\n' + FENCE + "\n" + FENCE + "\nmore",
    ], PEOPLE


@test(check=checker(fences_case))
def code_fences_stripped(parse):
    return run(parse, fences_case)


def commas_case():
    return [
        '{"name": "Ann", "age": 31,}',
        '{"name": "Bo", "age": 25, "tags": ["a", "b",],}',
        '{\n  "name": "Cy",\n  "age": 40,\n  "tags": ["x",\n  ]\n,\n}',
        '{"name": "Dee, }", "age": 52, "tags": ["a ,]", ", ]"]}',
        '{"name": "say \\"hi\\", }", "age": 1,}',
        '{"name": "back\\\\", "age": 2, "tags": [",}",],}',
        fenced('{"name": "Eve", "age": 22, "score": 1.5,\n}'),
    ], PEOPLE


@test(check=checker(commas_case))
def trailing_commas_removed_outside_strings(parse):
    # Commas inside string literals (even right before } or ]) are content, escaped quotes included.
    return run(parse, commas_case)


def broken_case():
    return [
        'Sure! Here is the JSON: {"name": "Ann", "age": 31}',
        '{"name": "Bo", "age": 25} I hope this helps.',
        "{'name': 'Cy', 'age': 40}",
        '{"name": "Dee", "age": 52',
        '{"name": "Eve", "age": 22, // the age\n}',
        '{name: "Fay", age: 19}',
        '{"name": "Gus", "age": None}',
        '{"name": "Hal" "age": 3}',
        "",
        FENCE + '{"name": "Ida", "age": 5}' + FENCE,
        "Result:\n" + fenced('{"name": "Jo", "age": 6}'),
        '["Kim", 7]',
        '"Lee"',
        "42",
        "null",
    ], PEOPLE


@test(check=checker(broken_case))
def unrepairable_text_rejected(parse):
    # Only fences and trailing commas are repaired; text around the object is not removed.
    return run(parse, broken_case)


def types_case():
    return [
        '{"name": "Ann", "age": true}',
        '{"name": "Bo", "age": 25.0}',
        '{"name": "Cy", "age": "40"}',
        '{"name": "Dee", "age": 1e2}',
        '{"name": "Eve", "age": 22, "score": 5}',
        '{"name": "Fay", "age": 19, "score": 1e3}',
        '{"name": "Gus", "age": 3, "score": false}',
        '{"name": "Hal", "age": 3, "score": "4.5"}',
        '{"name": "Ida", "age": 5, "active": 1}',
        '{"name": "Jo", "age": 6, "active": "true"}',
        '{"name": "Kim", "age": 7, "tags": ["a", 2]}',
        '{"name": "Lee", "age": 8, "tags": "a"}',
        '{"name": 9, "age": 9}',
        '{"name": ["Max"], "age": 10}',
    ], PEOPLE


@test(check=checker(types_case))
def field_types_are_strict(parse):
    # bool is not int, 25.0 is not int, "40" is not int; ints are accepted for float and become floats.
    return run(parse, types_case)


def missing_case():
    return [
        '{"age": 31}',
        '{"name": null, "age": 25}',
        '{"name": "Cy"}',
        '{"name": "Dee", "age": 52, "score": null, "tags": null, "active": null}',
        '{"name": "Eve", "age": 22, "nickname": "E", "id": 17, "tags": ["t"]}',
        '{"name": "Fay", "age": 19, "Age": "x", "NAME": 3}',
        "{}",
    ], PEOPLE


@test(check=checker(missing_case))
def missing_null_and_unknown_fields(parse):
    # null counts as absent; optional absent/null fields are left out; unknown keys are dropped.
    return run(parse, missing_case)


ORDERED = {
    "id": ("int", True),
    "label": ("str", True),
    "confidence": ("float", True),
    "evidence": ("list[str]", False),
    "flagged": ("bool", False),
}


def order_case():
    return [
        '{"flagged": "yes", "confidence": "high", "label": 3, "id": "a1"}',
        '{"flagged": "yes", "confidence": "high", "label": 3, "id": 1}',
        '{"flagged": "yes", "confidence": "high", "id": 1, "label": "spam"}',
        '{"evidence": [1], "flagged": 0, "confidence": 0.9, "label": "spam", "id": 2}',
        '{"flagged": 1, "label": "ham", "id": 3}',
        '{"confidence": 0.1, "id": true}',
        '{"label": "ham", "confidence": 1, "id": 4, "flagged": false, "evidence": []}',
        '{"id": 1, "id": "two", "label": "x", "confidence": 1}',
    ], ORDERED


@test(check=checker(order_case))
def first_problem_in_schema_order(parse):
    # Several problems per object, keys in a different order than the schema's.
    return run(parse, order_case)


NAMES = ["Ann", "Bo, }", 'Cy "the" ]', "Dee,]", "back\\slash", "Zoë", ""]
TAGS = ["ml", "a, ]", "x,}", 'q"uote']


def _random_output(r):
    fields = {}
    if r.random() < 0.93:
        fields["name"] = r.choice(NAMES) if r.random() < 0.9 else r.choice([None, 3, ["n"]])
    if r.random() < 0.93:
        fields["age"] = r.randint(0, 90) if r.random() < 0.85 else r.choice([None, True, 4.0, "12"])
    if r.random() < 0.5:
        fields["score"] = r.choice([r.randint(0, 5), round(r.uniform(0, 5), 3), None, False, "1"])
    if r.random() < 0.5:
        fields["tags"] = r.sample(TAGS, r.randint(0, 3)) if r.random() < 0.85 else r.choice([None, [1], "ml"])
    if r.random() < 0.4:
        fields["active"] = r.choice([True, False, None, 0, "false"])
    if r.random() < 0.2:
        fields["extra"] = r.choice([1, "x", [2, 3], {"k": "v"}])
    keys = list(fields)
    r.shuffle(keys)
    parts = []
    for k in keys:
        v = fields[k]
        text = json.dumps(v, ensure_ascii=r.random() < 0.5)
        if isinstance(v, list) and v and r.random() < 0.3:
            text = text[:-1] + "," + r.choice(["", " ", "\n"]) + "]"
        parts.append(f"{json.dumps(k)}:{r.choice(['', ' '])}{text}")
    body = "{" + ", ".join(parts) + (r.choice([",", ", ", ",\n"]) if parts and r.random() < 0.3 else "") + "}"
    flaw = r.random()
    if flaw < 0.06:
        body = body[: r.randint(1, max(1, len(body) - 1))]  # cut off
    elif flaw < 0.1:
        body = body.replace('"', "'")
    elif flaw < 0.13:
        body = "Here you go: " + body
    elif flaw < 0.16:
        body = "[" + body + "]"
    wrap = r.random()
    if wrap < 0.25:
        body = fenced(body, tag=r.choice(["json", "", "JSON"]))
    elif wrap < 0.35:
        body = fenced(body, after=r.choice(["\nDone.", "\n\nAnything else?"]))
    elif wrap < 0.4:
        body = "\n  " + body + "\n"
    return body


def mixed_case():
    r = Rand(11).py
    return [_random_output(r) for _ in range(300)], PEOPLE


@test(check=checker(mixed_case))
def mixed_batch_of_outputs(parse):
    return run(parse, mixed_case)


def double_comma_case():
    return [
        '{"name": "Ann", "age": 31,,}',
        '{"name": "Bo", "age": 25, "tags": ["a",, ]}',
        '{"name": "Cy", "age": 40, "tags": ["x", ],\n}',
    ], PEOPLE


@test(check=checker(double_comma_case))
def commas_decided_on_the_original_text(parse):
    # In ",,}" only the second comma is followed by "}": removing it leaves ",}", which is invalid JSON
    # (each comma is judged once, on the text before any removal; no repeated passes).
    return run(parse, double_comma_case)


def whitespace_case():
    return [
        '{"name": "Ann", "age": 31,\t}',
        '{"name": "Bo", "age": 25,\r\n}',
        '{"name": "Cy", "age": 40, "tags": ["x",\t\r ]}',
    ], PEOPLE


@test(check=checker(whitespace_case))
def trailing_comma_before_tab_or_carriage_return(parse):
    # JSON whitespace between the comma and the bracket is space, tab, \n and \r.
    return run(parse, whitespace_case)


def empty_case():
    return [], PEOPLE


@test(check=checker(empty_case))
def no_outputs(parse):
    # 0 outputs, the smallest batch: ([], []).
    return run(parse, empty_case)


def largest_case():
    r = Rand(12).py
    return [_random_output(r) for _ in range(1000)], PEOPLE


@test(check=checker(largest_case))
def thousand_outputs(parse):
    # 1000 outputs, the largest batch.
    return run(parse, largest_case)


def fence_same_line_case():
    return [
        FENCE + 'json\n{"name": "Ann", "age": 31}' + FENCE,
        FENCE + '\n{"name": "Bo", "age": 25, "tags": ["a"]}' + FENCE + " hope this helps",
        FENCE + 'json\n{"name": "Cy", "age": 40,}' + FENCE,
    ], PEOPLE


@test(check=checker(fence_same_line_case))
def closing_fence_right_after_the_object(parse):
    # The closing fence may follow the object on the same line: only the fence and what follows it go.
    return run(parse, fence_same_line_case)


NUMBERS = {"n": ("int", True), "x": ("float", False)}
BIG = "1" + "0" * 399  # a 400-digit integer literal, far beyond the float range (~1.8e308)


def big_numbers_case():
    return [
        '{"n": ' + BIG + ', "x": 2.5}',
        '{"n": -' + BIG + "}",
        '{"n": 1, "x": 1e400}',
        '{"n": 2, "x": -1e400}',
        '{"n": 3, "x": 1e-400}',
        '{"n": 4, "x": ' + BIG + "}",
        '{"n": 5, "x": -' + BIG + "}",
        '{"n": 6, "x": 12345678901234567890}',
        '{"n": 1e400, "x": 1}',
    ], NUMBERS


@test(check=checker(big_numbers_case))
def numbers_beyond_float_range(parse):
    # Numbers are what json.loads makes of them: an int literal is exact at any size; 1e400 is inf,
    # 1e-400 is 0.0; an int literal too large for a float in a float field is stored as +-inf.
    return run(parse, big_numbers_case)
