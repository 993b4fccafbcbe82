# expect: time_limit long_all_distinct
# Restarts the scan at every index with a fresh set: O(n^2) when most characters are distinct.
def length_of_longest_substring(s: str) -> int:
    best = 0
    for i in range(len(s)):
        seen = set()
        for j in range(i, len(s)):
            if s[j] in seen:
                break
            seen.add(s[j])
        best = max(best, len(seen))
    return best
