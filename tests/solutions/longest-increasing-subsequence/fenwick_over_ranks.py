# expect: passed
# Correct alternative: a Fenwick tree of (length, index) maxima over the compressed values.
def longest_increasing_subsequence(nums):
    values = {v: r for r, v in enumerate(sorted(set(nums)), start=1)}
    size = len(values)
    tree = [(0, -1)] * (size + 1)  # prefix maxima of (length, index) over ranks
    prev = [-1] * len(nums)
    best = (0, -1)
    for i, x in enumerate(nums):
        r = values[x] - 1  # strictly smaller values have ranks 1..r
        q = (0, -1)
        while r > 0:
            if tree[r][0] > q[0]:
                q = tree[r]
            r -= r & -r
        prev[i] = q[1]
        cur = (q[0] + 1, i)
        if cur[0] > best[0]:
            best = cur
        r = values[x]
        while r <= size:
            if cur[0] > tree[r][0]:
                tree[r] = cur
            r += r & -r
    out, i = [], best[1]
    while i != -1:
        out.append(nums[i])
        i = prev[i]
    return out[::-1]
