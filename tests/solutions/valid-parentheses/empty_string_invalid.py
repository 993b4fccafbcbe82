# expect: wrong_answer empty_string_is_valid
# Assumes the string is never empty (LeetCode's 1 <= len(s)) and rejects it up front.
def is_valid(s: str) -> bool:
    if not s or len(s) % 2 == 1:
        return False
    pairs = {")": "(", "]": "[", "}": "{"}
    stack = []
    for ch in s:
        if ch in pairs:
            if not stack or stack.pop() != pairs[ch]:
                return False
        else:
            stack.append(ch)
    return not stack
