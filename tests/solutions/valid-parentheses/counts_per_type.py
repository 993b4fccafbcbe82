# expect: wrong_answer brackets_close_in_the_right_order
# One counter per bracket type (never negative, zero at the end): accepts "([)]", whose types balance but close in the wrong order.
def is_valid(s: str) -> bool:
    counts = {"(": 0, "[": 0, "{": 0}
    opener = {")": "(", "]": "[", "}": "{"}
    for ch in s:
        if ch in counts:
            counts[ch] += 1
        else:
            counts[opener[ch]] -= 1
            if counts[opener[ch]] < 0:
                return False
    return all(v == 0 for v in counts.values())
