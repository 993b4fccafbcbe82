# expect: wrong_answer classic_example
# Union-find over account indices, then concatenates the accounts' email lists without removing duplicates.
def accounts_merge(accounts: list[list[str]]) -> list[list[str]]:
    parent = list(range(len(accounts)))

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    first_owner = {}
    for i, account in enumerate(accounts):
        for e in account[1:]:
            if e in first_owner:
                parent[find(i)] = find(first_owner[e])
            else:
                first_owner[e] = i
    merged = {}
    for i, account in enumerate(accounts):
        merged.setdefault(find(i), []).extend(account[1:])
    return sorted([accounts[root][0], *sorted(emails)] for root, emails in merged.items())
