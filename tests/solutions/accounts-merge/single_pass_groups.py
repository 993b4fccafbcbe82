# expect: wrong_answer merging_is_transitive
# One pass: each account joins the first group it shares an email with; an account bridging two existing groups never merges them.
def accounts_merge(accounts: list[list[str]]) -> list[list[str]]:
    groups = []
    for name, *emails in accounts:
        for g in groups:
            if g[1] & set(emails):
                g[1].update(emails)
                break
        else:
            groups.append([name, set(emails)])
    return sorted([name, *sorted(emails)] for name, emails in groups)
