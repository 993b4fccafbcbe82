# expect: passed
# Correct alternative: swap each candidate into position `first` of a copy, recurse, swap back.
def permute(nums: list[int]) -> list[list[int]]:
    a = list(nums)
    out = []

    def go(first):
        if first == len(a):
            out.append(a.copy())
            return
        for i in range(first, len(a)):
            a[first], a[i] = a[i], a[first]
            go(first + 1)
            a[first], a[i] = a[i], a[first]

    go(0)
    return out
