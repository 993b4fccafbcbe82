# expect: wrong_answer classic_example
# Sorts the emails of each account but returns the accounts in the order their groups were created.
def accounts_merge(accounts: list[list[str]]) -> list[list[str]]:
    parent, name_of, order = {}, {}, []

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for name, *emails in accounts:
        for e in emails:
            if e not in parent:
                parent[e] = e
                name_of[e] = name
                order.append(e)
            ra, rb = find(emails[0]), find(e)
            if ra != rb:
                parent[rb] = ra
    groups = {}
    for e in order:
        groups.setdefault(find(e), []).append(e)
    return [[name_of[root], *sorted(es)] for root, es in groups.items()]
