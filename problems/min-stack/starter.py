class MinStack:
    """A stack of ints with push, pop, top and get_min, each in O(1) time.

    get_min() is the smallest value currently in the stack; after a pop the minimum of the
    remaining values. pop, top and get_min are never called on an empty stack.
    """

    def __init__(self) -> None:
        raise NotImplementedError

    def push(self, val: int) -> None:
        raise NotImplementedError

    def pop(self) -> None:
        raise NotImplementedError

    def top(self) -> int:
        raise NotImplementedError

    def get_min(self) -> int:
        raise NotImplementedError
