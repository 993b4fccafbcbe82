"""Hidden tests for matrix-multiply (pure Python: no numpy, no torch)."""

from mlkata.judge.api import Rand, call, raises, test

# Sums of products may be accumulated in any order: compare with a relative tolerance of 1e-9
# (plus 1e-12 absolute, for entries that cancel to about zero).
TOL = {"atol": 1e-12, "rtol": 1e-9}


def floats(r, rows, cols, low=-1.0, high=1.0):
    return [[r.py.uniform(low, high) for _ in range(cols)] for _ in range(rows)]


def ints(r, rows, cols, low=-9, high=9):
    return [[r.py.randint(low, high) for _ in range(cols)] for _ in range(rows)]


@test(**TOL)
def small_known_product(matmul):
    # [[1, 2], [3, 4]] @ [[5, 6], [7, 8]] = [[19, 22], [43, 50]]
    return call(matmul, [[1.0, 2.0], [3.0, 4.0]], [[5.0, 6.0], [7.0, 8.0]])


@test(**TOL)
def non_square_shapes(matmul):
    r = Rand(2)
    return call(matmul, floats(r, 2, 3), floats(r, 3, 4))


@test(**TOL)
def one_by_one(matmul):
    return call(matmul, [[2.5]], [[-4.0]])


@test(**TOL)
def row_times_column_is_1x1(matmul):
    r = Rand(4)
    return call(matmul, floats(r, 1, 5), floats(r, 5, 1))


@test(**TOL)
def column_times_row_is_outer_product(matmul):
    r = Rand(5)
    return call(matmul, floats(r, 4, 1), floats(r, 1, 3))


@test(**TOL)
def integer_entries(matmul):
    r = Rand(6)
    return call(matmul, ints(r, 3, 5), ints(r, 5, 2))


@test(**TOL)
def negative_and_float_entries(matmul):
    r = Rand(7)
    return call(matmul, floats(r, 5, 3, -100.0, 100.0), floats(r, 3, 6, -0.01, 0.01))


@test(**TOL)
def inputs_unchanged_and_result_is_new(matmul):
    r = Rand(8)
    a, b = floats(r, 3, 2), floats(r, 2, 3)
    a_before, b_before = [row[:] for row in a], [row[:] for row in b]
    result = matmul(a, b)
    shared = isinstance(result, list) and any(
        x is y for x in [result, *result] for y in [a, b, *a, *b]
    )
    return {
        "a was unchanged": a == a_before,
        "b was unchanged": b == b_before,
        "the result shares no list with a or b": not shared,
        "result": result,
    }


@test
def mismatched_inner_dimensions_raise_value_error(matmul):
    r = Rand(9)
    call(matmul, floats(r, 2, 2), floats(r, 2, 2))  # a valid call first
    return {
        "matmul(<2x3>, <2x2>)": raises(ValueError, matmul, floats(r, 2, 3), floats(r, 2, 2)),
        "matmul(<3x2>, <3x2>)": raises(ValueError, matmul, floats(r, 3, 2), floats(r, 3, 2)),
        "matmul(<1x4>, <5x1>)": raises(ValueError, matmul, floats(r, 1, 4), floats(r, 5, 1)),
    }


@test(**TOL)
def large_product_within_time_limit(matmul):
    r = Rand(10)
    return call(matmul, floats(r, 120, 80), floats(r, 80, 100))
