# expect: time_limit large_input_within_time_limit
# Right answers, but merges pairs of email sets until no two groups overlap: O(A^2) comparisons per pass, too slow on 10^4 accounts.
def accounts_merge(accounts: list[list[str]]) -> list[list[str]]:
    groups = [[a[0], set(a[1:])] for a in accounts]
    changed = True
    while changed:
        changed = False
        i = 0
        while i < len(groups):
            j = i + 1
            while j < len(groups):
                if groups[i][1] & groups[j][1]:
                    groups[i][1] |= groups[j][1]
                    groups.pop(j)
                    changed = True
                else:
                    j += 1
            i += 1
    return sorted([name, *sorted(emails)] for name, emails in groups)
