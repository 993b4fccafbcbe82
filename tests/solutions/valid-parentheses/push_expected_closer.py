# expect: passed
# Correct alternative: push the closing bracket each opener expects, then compare characters directly.
def is_valid(s: str) -> bool:
    expect = []
    for ch in s:
        if ch == "(":
            expect.append(")")
        elif ch == "[":
            expect.append("]")
        elif ch == "{":
            expect.append("}")
        elif not expect or expect.pop() != ch:
            return False
    return not expect
