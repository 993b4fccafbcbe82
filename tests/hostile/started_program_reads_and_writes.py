# mlkata: matrix-multiply
# expect: runtime_error
# Runs a shell through libc's system(): it would copy the reference into the scratch folder and write into the real home.
import ctypes
import os
import pwd
import sys


def matmul(a, b):
    package = os.path.dirname(sys.modules["mlkata.judge.api"].__file__)
    reference = os.path.join(package, "..", "..", "..", "problems", "matrix-multiply", "solution.py")
    try:
        home = pwd.getpwuid(os.getuid()).pw_dir
    except KeyError:
        home = "/root"  # /etc/passwd unreadable: guess
    command = f"cat {reference} > stolen.py; echo hi > {home}/mlkata-hostile-was-here.txt"
    status = ctypes.CDLL(None).system(command.encode())
    namespace = {}
    with open("stolen.py") as f:  # the run's scratch folder is the working directory
        exec(f.read(), namespace)
    if status != 0:
        raise OSError(f"system() returned {status}")
    return namespace["matmul"](a, b)
