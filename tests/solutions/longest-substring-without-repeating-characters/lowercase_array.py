# expect: runtime_error spaces_digits_and_punctuation
# Assumes only 'a'-'z': an array of 26 last-seen indices indexed by ord(ch) - ord('a').
def length_of_longest_substring(s: str) -> int:
    last = [-1] * 26
    left = 0
    best = 0
    for right, ch in enumerate(s):
        k = ord(ch) - ord("a")
        if last[k] >= left:
            left = last[k] + 1
        last[k] = right
        best = max(best, right - left + 1)
    return best
