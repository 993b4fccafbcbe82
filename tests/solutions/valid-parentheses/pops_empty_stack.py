# expect: runtime_error closing_bracket_with_nothing_open_is_invalid
# Pops on every closing bracket without checking that the stack is empty: ")" raises IndexError.
def is_valid(s: str) -> bool:
    pairs = {")": "(", "]": "[", "}": "{"}
    stack = []
    for ch in s:
        if ch in pairs:
            if stack.pop() != pairs[ch]:
                return False
        else:
            stack.append(ch)
    return not stack
