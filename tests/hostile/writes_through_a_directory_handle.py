# mlkata: matrix-multiply
# expect: runtime_error
# Writes into the real home folder relative to a directory handle, then answers correctly.
import os
import pwd


def matmul(a, b):
    try:
        home = pwd.getpwuid(os.getuid()).pw_dir
    except KeyError:
        home = "/root"  # /etc/passwd unreadable: guess
    folder = os.open(home, os.O_RDONLY | os.O_DIRECTORY)
    fd = os.open("mlkata-hostile-was-here.txt", os.O_WRONLY | os.O_CREAT, 0o600, dir_fd=folder)
    os.write(fd, b"hello")
    return product(a, b)


def product(a, b):
    if len(b) != len(a[0]):
        raise ValueError("inner dimensions differ")
    return [[sum(x * y for x, y in zip(row, col)) for col in zip(*b)] for row in a]
