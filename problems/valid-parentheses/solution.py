OPENER = {")": "(", "]": "[", "}": "{"}  # closing bracket -> the opening bracket it needs


def is_valid(s: str) -> bool:
    """One pass with a stack of the brackets still open."""
    stack: list[str] = []
    for ch in s:
        if ch in OPENER:
            # A closing bracket must match the most recently opened one still open.
            if not stack or stack.pop() != OPENER[ch]:
                return False
        else:
            stack.append(ch)
    return len(stack) == 0  # nothing may be left open
