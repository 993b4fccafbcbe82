# expect: wrong_answer emails_and_accounts_sorted
# Sorts each person's emails by (local part, domain) instead of as plain strings: "a@q" lands before "a.b@q".
def accounts_merge(accounts: list[list[str]]) -> list[list[str]]:
    parent, name_of = {}, {}

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
            ra, rb = find(emails[0]), find(e)
            if ra != rb:
                parent[rb] = ra
    groups = {}
    for e in parent:
        groups.setdefault(find(e), []).append(e)
    result = [[name_of[root], *sorted(es, key=lambda s: s.split("@"))] for root, es in groups.items()]
    return sorted(result)
