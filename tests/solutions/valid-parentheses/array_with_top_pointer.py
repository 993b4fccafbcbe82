# expect: passed
# Correct alternative: a preallocated array and a top index instead of append/pop, with an odd-length shortcut.
def is_valid(s: str) -> bool:
    if len(s) % 2:
        return False
    match = {")": "(", "]": "[", "}": "{"}
    buf = [""] * len(s)
    top = 0
    for ch in s:
        if ch in "([{":
            buf[top] = ch
            top += 1
        elif top == 0 or buf[top - 1] != match[ch]:
            return False
        else:
            top -= 1
    return top == 0
