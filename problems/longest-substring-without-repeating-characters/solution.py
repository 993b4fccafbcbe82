def length_of_longest_substring(s: str) -> int:
    """Length of the longest substring of s with no repeated character (sliding window)."""
    last_seen = {}  # character -> index of its latest occurrence
    left = 0  # the window is s[left:right + 1]
    best = 0
    for right, ch in enumerate(s):
        if last_seen.get(ch, -1) >= left:
            left = last_seen[ch] + 1  # jump past the previous copy; never move left backwards
        last_seen[ch] = right
        best = max(best, right - left + 1)
    return best
