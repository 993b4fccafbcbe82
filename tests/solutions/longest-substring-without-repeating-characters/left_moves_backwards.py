# expect: wrong_answer left_edge_never_moves_backwards
# Jumps left to last[ch] + 1 even when that occurrence is already outside the window ("abba" -> 3).
def length_of_longest_substring(s: str) -> int:
    last = {}
    left = 0
    best = 0
    for right, ch in enumerate(s):
        if ch in last:
            left = last[ch] + 1
        last[ch] = right
        best = max(best, right - left + 1)
    return best
