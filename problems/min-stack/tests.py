"""Hidden tests for min-stack."""

from mlkata.judge.api import Fail, Rand, describe, short, test

SHOWN_BEFORE = 8
LOW, HIGH = -(2**31), 2**31 - 1


def replay(stack_cls, ops):
    """Run ops on a fresh stack; the result of every top and get_min (None for push and pop)."""
    stack = stack_cls()
    results = []
    for op in ops:
        if op[0] == "push":
            stack.push(op[1])
            results.append(None)
        elif op[0] == "pop":
            stack.pop()
            results.append(None)
        elif op[0] == "top":
            results.append(stack.top())
        else:
            results.append(stack.get_min())
    return {"results": results}


def fmt_op(op, result=None):
    if op[0] == "push":
        return f"push({op[1]})"
    if op[0] == "pop":
        return "pop()"
    return f"{op[0]}() -> {result}"


def checker(make_ops):
    """Compare the top/get_min results one by one; show the operations before the first difference."""

    def check(expected, got):
        ops = make_ops()
        want, have = expected["results"], got["results"]
        for i, (op, e, g) in enumerate(zip(ops, want, have, strict=True)):
            if op[0] in ("push", "pop") or (type(g) is int and g == e):
                continue
            start = max(0, i - SHOWN_BEFORE)
            before = [fmt_op(ops[j], want[j]) for j in range(start, i)]
            prefix = "MinStack(): " + ("... " if start else "")
            where = f" (operation {i + 1} of {len(ops)})" if len(ops) > SHOWN_BEFORE + 1 else ""
            got_text = short(g) if g is None or type(g) is int else describe(g)
            raise Fail(f"{prefix}{', '.join([*before, f'{op[0]}()'])}: expected {e}, got {got_text}{where}")

    return check


def P(v):
    return ("push", v)


POP, TOP, MIN = ("pop",), ("top",), ("get_min",)

CLASSIC = [P(-2), P(0), P(-3), MIN, POP, TOP, MIN]


@test(check=checker(lambda: CLASSIC))
def classic_example(stack_cls):
    return replay(stack_cls, CLASSIC)


RESTORED = [P(5), MIN, P(3), MIN, P(7), MIN, P(1), MIN, TOP, POP, MIN, TOP, POP, MIN, TOP, POP, MIN, TOP]


@test(check=checker(lambda: RESTORED))
def minimum_restored_after_pop(stack_cls):
    # Popping the minimum brings the previous minimum back; popping a larger value changes nothing.
    return replay(stack_cls, RESTORED)


DUPLICATES = [P(0), P(1), P(0), MIN, POP, MIN, TOP, P(-1), P(-1), P(-1), POP, MIN, POP, MIN, POP, MIN]


@test(check=checker(lambda: DUPLICATES))
def duplicate_minimum_values(stack_cls):
    # Popping one copy of the minimum leaves the others.
    return replay(stack_cls, DUPLICATES)


REUSE = [P(2), P(-4), MIN, POP, POP, P(5), MIN, TOP, P(9), MIN, POP, POP, P(7), TOP, MIN]


@test(check=checker(lambda: REUSE))
def stack_emptied_and_reused(stack_cls):
    # After the stack is empty again, old minima are gone.
    return replay(stack_cls, REUSE)


BOUNDS = [P(HIGH), MIN, TOP, P(HIGH), MIN, POP, P(LOW), MIN, TOP, P(0), MIN, POP, POP, MIN]


@test(check=checker(lambda: BOUNDS))
def values_at_both_ends_of_the_range(stack_cls):
    # -2^31 and 2^31 - 1 are valid values: a sentinel such as 10**9 or 2**31 - 1 is not "infinity".
    return replay(stack_cls, BOUNDS)


def random_small():
    r = Rand(6).py
    ops, size = [], 0
    for _ in range(600):
        x = r.random()
        if size == 0 or x < 0.4:
            ops.append(P(r.randint(-5, 5)))
            size += 1
        elif x < 0.65:
            ops.append(POP)
            size -= 1
        elif x < 0.8:
            ops.append(TOP)
        else:
            ops.append(MIN)
    return ops


@test(check=checker(random_small))
def random_operations_small_values(stack_cls):
    # 600 operations over values in [-5, 5]: many repeated minima, pops down to empty and back.
    return replay(stack_cls, random_small())


LARGE = 100_000


def large():
    ops = [P(v) for v in range(LARGE, 0, -1)]  # every push is a new minimum
    for _ in range(LARGE - 1):
        ops.append(POP)
        ops.append(MIN)
    return ops


@test(check=checker(large))
def large_sequence_within_time_limit(stack_cls):
    # 10^5 decreasing pushes, then each pop removes the minimum: rescanning the stack is quadratic.
    return replay(stack_cls, large())
