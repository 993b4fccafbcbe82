# expect: passed
# Correct alternative: an email graph (each email linked to its account's first email) searched with an explicit stack.
def accounts_merge(accounts: list[list[str]]) -> list[list[str]]:
    graph, owner = {}, {}
    for account in accounts:
        head = account[1]
        for e in account[1:]:
            owner[e] = account[0]
            graph.setdefault(e, []).append(head)
            graph.setdefault(head, []).append(e)
    visited = set()
    merged = []
    for start in graph:
        if start in visited:
            continue
        visited.add(start)
        stack, people = [start], []
        while stack:
            e = stack.pop()
            people.append(e)
            for f in graph[e]:
                if f not in visited:
                    visited.add(f)
                    stack.append(f)
        merged.append([owner[start]] + sorted(people))
    merged.sort()
    return merged
