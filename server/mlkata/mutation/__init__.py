"""Mutation testing of the problems' reference solutions, judged by their hidden tests (``mlkata mutate``).

``source`` splices one node's text, ``ml_ops`` and ``classic_ops`` are the operators, ``generate``
makes the mutants, ``equivalents`` reads ``mutants.toml``, ``check`` judges them, ``report`` prints
and writes ``docs/test-strength.md``.
"""
