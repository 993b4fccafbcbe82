# expect: runtime_error long_chain_without_recursion
# Email graph and a recursive DFS: right answers, but a chain of 10^4 emails exceeds the recursion limit.
def accounts_merge(accounts: list[list[str]]) -> list[list[str]]:
    adj, name_of = {}, {}
    for name, *emails in accounts:
        for e in emails:
            name_of[e] = name
            adj.setdefault(e, set())
            adj[e].add(emails[0])
            adj[emails[0]].add(e)
    seen = set()

    def visit(e, out):
        seen.add(e)
        out.append(e)
        for f in adj[e]:
            if f not in seen:
                visit(f, out)

    result = []
    for e in adj:
        if e not in seen:
            out = []
            visit(e, out)
            result.append([name_of[e], *sorted(out)])
    return sorted(result)
