# expect: wrong_answer inputs_unchanged_and_result_is_new
# "Saves memory" by overwriting the rows of a with the result rows and returning a.
def matmul(a, b):
    if len(a[0]) != len(b):
        raise ValueError("shape mismatch")
    columns = list(zip(*b))
    for i, row in enumerate(a):
        a[i] = [sum(x * y for x, y in zip(row, col)) for col in columns]
    return a
