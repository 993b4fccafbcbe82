# mlkata: matrix-multiply
# expect: wrong_answer
# Returns an object equal to everything.


class Anything(list):
    def __eq__(self, other):
        return True

    def __ne__(self, other):
        return False


def matmul(a, b):
    return Anything()
