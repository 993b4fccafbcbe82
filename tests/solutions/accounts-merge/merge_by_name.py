# expect: wrong_answer classic_example
# Groups accounts by name: two different people called John become one.
def accounts_merge(accounts: list[list[str]]) -> list[list[str]]:
    by_name = {}
    for name, *emails in accounts:
        by_name.setdefault(name, set()).update(emails)
    return sorted([name, *sorted(emails)] for name, emails in by_name.items())
