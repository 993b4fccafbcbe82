# expect: time_limit largest_input_within_time_limit
# Right answers, but builds every ordered sequence summing to target and de-duplicates with a set: exponential blow-up.
def combination_sum(candidates: list[int], target: int) -> list[list[int]]:
    seen = set()

    def go(path, remaining):
        if remaining == 0:
            seen.add(tuple(sorted(path)))
            return
        for c in candidates:
            if c <= remaining:
                go(path + [c], remaining - c)

    go([], target)
    return [list(t) for t in seen]
