# expect: wrong_answer brackets_left_open_are_invalid
# Checks every closing bracket but returns True at the end without looking at what is still open.
def is_valid(s: str) -> bool:
    pairs = {")": "(", "]": "[", "}": "{"}
    stack = []
    for ch in s:
        if ch in pairs:
            if not stack or stack[-1] != pairs[ch]:
                return False
            stack.pop()
        else:
            stack.append(ch)
    return True
