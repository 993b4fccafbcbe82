def coin_change(coins: list[int], amount: int) -> int:
    """The fewest coins (each denomination unlimited) summing to amount; 0 for amount 0, -1 if impossible."""
    raise NotImplementedError
