# expect: passed
# Correct alternative: breadth-first search over the reachable start positions, each visited once.
from collections import deque


def word_break(s: str, word_dict: list[str]) -> bool:
    words = set(word_dict)
    longest = max(map(len, words))
    seen = {0}
    queue = deque([0])
    while queue:
        start = queue.popleft()
        if start == len(s):
            return True
        for end in range(start + 1, min(len(s), start + longest) + 1):
            if end not in seen and s[start:end] in words:
                seen.add(end)
                queue.append(end)
    return False
