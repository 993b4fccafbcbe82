def accounts_merge(accounts: list[list[str]]) -> list[list[str]]:
    """Merge accounts [name, email, ...] that share an email (transitively), one per person.

    Each merged account is [name] + its distinct emails sorted; the accounts are returned
    sorted as lists (sorted(result)).
    """
    raise NotImplementedError
