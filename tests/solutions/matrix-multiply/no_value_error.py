# expect: wrong_answer mismatched_inner_dimensions_raise_value_error
# No shape check: zip silently truncates to the shorter dimension and returns a wrong product.
def matmul(a, b):
    columns = list(zip(*b))
    return [[sum(x * y for x, y in zip(row, col)) for col in columns] for row in a]
