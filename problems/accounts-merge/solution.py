def accounts_merge(accounts: list[list[str]]) -> list[list[str]]:
    """Union-find over the emails: every email of an account is joined to the account's first email."""
    parent: dict[str, str] = {}
    name_of: dict[str, str] = {}

    def find(x: str) -> str:
        root = x
        while parent[root] != root:
            root = parent[root]
        while parent[x] != root:  # path compression
            nxt = parent[x]
            parent[x] = root
            x = nxt
        return root

    for account in accounts:
        name, first = account[0], account[1]
        for email in account[1:]:
            if email not in parent:
                parent[email] = email
                name_of[email] = name
            ra, rb = find(first), find(email)
            if ra != rb:
                parent[rb] = ra

    groups: dict[str, list[str]] = {}
    for email in parent:  # each distinct email once
        groups.setdefault(find(email), []).append(email)
    result = [[name_of[root], *sorted(emails)] for root, emails in groups.items()]
    return sorted(result)
