"""Verdicts and locations of the judge on a pure-Python problem, including hostile solutions."""

from __future__ import annotations

import time

import attrs
import pytest

from mlkata.bank import Problem
from mlkata.judge.runner import Options
from mlkata.judge.verdict import Location, Verdict

from .conftest import make_problem, run

pytestmark = pytest.mark.usefixtures("no_leftovers")


def only(report, verdict: Verdict):
    """The single verdict shared by all tests of a report."""
    assert {t.verdict for t in report.tests} == {verdict}, [(t.name, t.verdict, t.message) for t in report.tests]
    return report.tests[0]


def test_correct_solution_passes(add_problem: Problem, options: Options) -> None:
    report = run(add_problem, "def add(a, b):\n    return b + a\n", options)
    assert report.verdict is Verdict.PASSED
    assert (report.passed, report.total) == (3, 3)
    assert all(t.location is None and t.message == "" for t in report.tests)


def test_wrong_answer_points_at_the_entry_point_and_shows_the_call(add_problem: Problem, options: Options) -> None:
    source = "import math\n\n\ndef add(a, b):\n    return a - b\n"
    report = run(add_problem, source, options)
    first = report.tests[0]
    assert first.verdict is Verdict.WRONG_ANSWER
    assert first.message == "add(1, 2): expected 3, got -1"
    assert first.location == Location(4, 5, 4, 8)


def test_overall_verdict_is_the_first_failing_test_in_file_order(add_problem: Problem, options: Options) -> None:
    source = "def add(a, b):\n    if a < 0:\n        raise ValueError('negative')\n    return a + b\n"
    report = run(add_problem, source, options)
    assert [t.verdict for t in report.tests] == [Verdict.PASSED, Verdict.RUNTIME_ERROR, Verdict.PASSED]
    assert report.verdict is Verdict.RUNTIME_ERROR


def test_runtime_error_points_at_the_deepest_user_frame(add_problem: Problem, options: Options) -> None:
    source = "def helper(x):\n    return 1 / (x - x)\n\n\ndef add(a, b):\n    return helper(a) + b\n"
    t = only(run(add_problem, source, options), Verdict.RUNTIME_ERROR)
    assert t.message == "ZeroDivisionError: division by zero (in the call add(1, 2))"
    assert t.location == Location(2, 12, 2, 23)


def test_columns_count_characters_not_bytes(add_problem: Problem, options: Options) -> None:
    source = "def add(a, b):\n    ünïcödé = 'ß'; return a + ünïcödé + undefined_name\n"
    t = only(run(add_problem, source, options), Verdict.RUNTIME_ERROR)
    assert t.message.startswith("TypeError") or t.message.startswith("NameError")
    line = source.splitlines()[1]
    assert t.location is not None and t.location.line == 2
    assert line[t.location.column - 1 :].startswith("a + ü")


def test_syntax_error_is_reported_at_its_position_without_running(add_problem: Problem, options: Options) -> None:
    source = "def add(a, b):\n    return a +* b\n\nx = 1\n"
    t = only(run(add_problem, source, options), Verdict.SYNTAX_ERROR)
    assert t.message.startswith("SyntaxError: ")
    assert t.location is not None and t.location.line == 2
    assert t.duration_ms == 0


def test_syntax_error_on_the_last_line(add_problem: Problem, options: Options) -> None:
    source = "def add(a, b):\n    return a + b\nreturn return"
    t = only(run(add_problem, source, options), Verdict.SYNTAX_ERROR)
    assert t.location is not None and t.location.line == 3


def test_untouched_starter_is_not_implemented_at_the_raise(add_problem: Problem, options: Options) -> None:
    t = only(run(add_problem, add_problem.starter, options), Verdict.NOT_IMPLEMENTED)
    assert t.location is not None and t.location.line == 2


def test_missing_entry_point_is_named(add_problem: Problem, options: Options) -> None:
    t = only(run(add_problem, "def plus(a, b):\n    return a + b\n", options), Verdict.WRONG_ANSWER)
    assert "defines no `add`" in t.message


def test_error_at_import_time_points_at_that_line(add_problem: Problem, options: Options) -> None:
    source = "x = 1\ny = {}['missing']\n\ndef add(a, b):\n    return a + b\n"
    t = only(run(add_problem, source, options), Verdict.RUNTIME_ERROR)
    assert t.message == "KeyError: 'missing'"
    assert t.location is not None and t.location.line == 2


def test_forbidden_module_import_is_flagged_at_the_import(add_problem: Problem, options: Options) -> None:
    source = "def add(a, b):\n    import numpy as np\n    return int(np.add(a, b))\n"
    t = only(run(add_problem, source, options), Verdict.FORBIDDEN_API)
    assert t.location == Location(2, 5, 2, 23)
    assert "numpy" in t.message


def test_forbidden_call_through_an_alias(add_problem: Problem, options: Options) -> None:
    source = "from operator import add as plus\n\ndef add(a, b):\n    return plus(a, b)\n"
    t = only(run(add_problem, source, options), Verdict.FORBIDDEN_API)
    assert t.location is not None and t.location.line == 1
    assert "operator.add" in t.message


def test_forbidden_call_hidden_from_the_static_scan_is_caught_at_run_time(add_problem: Problem, options: Options) -> None:
    source = (
        "import importlib\n\n"
        "def add(a, b):\n"
        "    mod = importlib.import_module('oper' + 'ator')\n"
        "    fn = getattr(mod, 'a' + 'dd')\n"
        "    return fn(a, b)\n"
    )
    t = only(run(add_problem, source, options), Verdict.FORBIDDEN_API)
    assert t.location is not None and t.location.line == 6
    assert "operator.add" in t.message


def test_infinite_loop_is_a_time_limit_on_the_looping_line(add_problem: Problem, options: Options) -> None:
    source = "def add(a, b):\n    n = 0\n    while True:\n        n += 1\n"
    report = run(add_problem, source, options)
    t = report.tests[0]
    assert t.verdict is Verdict.TIME_LIMIT
    assert t.location is not None and t.location.line in (3, 4)
    assert t.message.startswith("time limit of 1 s exceeded")


def test_stop_at_time_limit_ends_the_run_at_the_first_time_limit(add_problem: Problem, options: Options) -> None:
    # Wrong on the first test, stuck on the second: the verdict and first failing test are those of a full run.
    source = "import time\n\ndef add(a, b):\n    if a < 0:\n        time.sleep(1e9)\n    return a - b\n"
    full = run(add_problem, source, options)
    start = time.monotonic()
    stopped = run(add_problem, source, attrs.evolve(options, stop_at_time_limit=True))
    elapsed = time.monotonic() - start
    assert [t.verdict for t in full.tests] == [Verdict.WRONG_ANSWER, Verdict.TIME_LIMIT, Verdict.WRONG_ANSWER]
    assert [t.verdict for t in stopped.tests] == [Verdict.WRONG_ANSWER, Verdict.TIME_LIMIT, Verdict.TIME_LIMIT]
    assert [(t.name, t.message, t.location) for t in stopped.tests[:2]] == [
        (t.name, t.message, t.location) for t in full.tests[:2]
    ]
    assert stopped.tests[2].message.startswith("not run: the run stopped at the first time limit")
    assert elapsed < 3, f"the run went on after its first time limit ({elapsed:.1f} s)"


def test_sleeping_forever_is_a_time_limit(add_problem: Problem, options: Options) -> None:
    source = "import time\n\ndef add(a, b):\n    time.sleep(1e9)\n"
    t = only(run(add_problem, source, options), Verdict.TIME_LIMIT)
    assert t.location is not None and t.location.line == 4


def test_sys_exit_is_a_runtime_error_at_the_call(add_problem: Problem, options: Options) -> None:
    source = "import sys\n\ndef add(a, b):\n    sys.exit(0)\n"
    t = only(run(add_problem, source, options), Verdict.RUNTIME_ERROR)
    assert "sys.exit" in t.message
    assert t.location is not None and t.location.line == 4


def test_os_exit_before_results_is_a_runtime_error_at_the_call(add_problem: Problem, options: Options) -> None:
    source = "import os\n\ndef add(a, b):\n    os._exit(0)\n"
    t = only(run(add_problem, source, options), Verdict.RUNTIME_ERROR)
    assert "exited (code 0)" in t.message
    assert t.location is not None and t.location.line == 4


@pytest.mark.parametrize("exc", ["KeyboardInterrupt", "SystemExit(3)", "BaseException('x')", "GeneratorExit"])
def test_raising_base_exceptions_is_a_runtime_error(add_problem: Problem, options: Options, exc: str) -> None:
    t = only(run(add_problem, f"def add(a, b):\n    raise {exc}\n", options), Verdict.RUNTIME_ERROR)
    assert t.location is not None and t.location.line == 2


def test_segfault_is_a_runtime_error(add_problem: Problem, options: Options) -> None:
    source = "import os, signal\n\ndef add(a, b):\n    os.kill(os.getpid(), signal.SIGSEGV)\n"
    t = only(run(add_problem, source, options), Verdict.RUNTIME_ERROR)
    assert "SIGSEGV" in t.message
    assert t.location is not None and t.location.line == 4


def test_a_crash_that_a_fresh_process_does_not_repeat_is_not_reported(add_problem: Problem, options: Options) -> None:
    # The first call of the run crashes (it leaves a mark in the run's scratch folder); the test is
    # run again in a fresh process, where it passes: a one-off crash is never the user's verdict.
    source = (
        "import os, signal\n\ndef add(a, b):\n"
        "    if not os.path.exists('crashed-once'):\n"
        "        open('crashed-once', 'w').close()\n"
        "        os.kill(os.getpid(), signal.SIGSEGV)\n"
        "    return a + b\n"
    )
    report = run(add_problem, source, options)
    assert [t.verdict for t in report.tests] == [Verdict.PASSED] * len(report.tests), report.tests


def test_ctypes_null_dereference_is_a_runtime_error(add_problem: Problem, options: Options) -> None:
    source = "import ctypes\n\ndef add(a, b):\n    return ctypes.string_at(0)\n"
    t = only(run(add_problem, source, options), Verdict.RUNTIME_ERROR)
    assert "SIGSEGV" in t.message
    assert t.location is not None and t.location.line == 4


def test_huge_allocation_is_a_memory_limit(add_problem: Problem, options: Options) -> None:
    source = "def add(a, b):\n    block = bytearray(50 * 1024**3)\n    return a + b\n"
    t = only(run(add_problem, source, options), Verdict.MEMORY_LIMIT)
    assert t.location is not None and t.location.line == 2


def test_printing_without_end_is_an_output_limit(add_problem: Problem, options: Options) -> None:
    source = "def add(a, b):\n    for _ in range(100):\n        print('x' * 1_000_000)\n    return a + b\n"
    t = only(run(add_problem, source, options), Verdict.OUTPUT_LIMIT)
    assert "output limit" in t.message


def test_printing_a_little_is_fine_and_captured(add_problem: Problem, options: Options) -> None:
    report = run(add_problem, "def add(a, b):\n    print('debug', a, b)\n    return a + b\n", options)
    assert report.verdict is Verdict.PASSED
    assert report.tests[0].stdout == "debug 1 2\n"


def test_state_does_not_leak_between_tests(add_problem: Problem, options: Options) -> None:
    # Right only once a previous test has set the flag: each test runs in a fresh process.
    source = "SEEN = []\n\ndef add(a, b):\n    SEEN.append(1)\n    return a + b if len(SEEN) == 1 else 0\n"
    assert run(add_problem, source, options).verdict is Verdict.PASSED
    source = "SEEN = []\n\ndef add(a, b):\n    SEEN.append(1)\n    return a + b if len(SEEN) > 1 else 0\n"
    report = run(add_problem, source, options)
    assert [t.verdict for t in report.tests] == [Verdict.WRONG_ANSWER] * 3


def test_lying_comparison_methods_do_not_pass(add_problem: Problem, options: Options) -> None:
    source = (
        "class Liar(int):\n"
        "    def __eq__(self, other):\n        return True\n"
        "    __hash__ = int.__hash__\n\n"
        "def add(a, b):\n    return Liar(0)\n"
    )
    t = run(add_problem, source, options).tests[0]
    assert t.verdict is Verdict.WRONG_ANSWER
    assert "expected the int 3" in t.message and "Liar" in t.message


def test_replacing_builtins_and_the_harness_does_not_pass(add_problem: Problem, options: Options) -> None:
    source = (
        "import builtins, sys\n"
        "builtins.isinstance = lambda *a: True\n"
        "for name, mod in list(sys.modules.items()):\n"
        "    if name.startswith('mlkata'):\n"
        "        for attr in ('same', 'close', 'call'):\n"
        "            if hasattr(mod, attr):\n"
        "                setattr(mod, attr, lambda *a, **k: {'call': 'x', 'returned': 0})\n\n"
        "def add(a, b):\n    return 0\n"
    )
    report = run(add_problem, source, options)
    assert report.verdict is not Verdict.PASSED
    assert report.passed == 0


def test_time_multiplier_scales_limits(add_problem: Problem, options: Options) -> None:
    source = "import time\n\ndef add(a, b):\n    time.sleep(1.3)\n    return a + b\n"
    slow = Options(cache_dir=options.cache_dir, time_multiplier=2.0)
    assert run(add_problem, source, slow).verdict is Verdict.PASSED


def test_an_exception_names_the_call_that_raised_it(add_problem: Problem, options: Options) -> None:
    source = "def add(a, b):\n    if a < 0:\n        return [][a]\n    return a + b\n"
    report = run(add_problem, source, options)
    t = report.tests[1]
    assert t.verdict is Verdict.RUNTIME_ERROR
    assert t.message == "IndexError: list index out of range (in the call add(-5, 3))"
    assert t.location == Location(3, 16, 3, 21)


def test_a_wrong_answer_carries_the_failing_case(add_problem: Problem, options: Options) -> None:
    report = run(add_problem, "def add(a, b):\n    return a - b\n", options)
    assert report.tests[0].details == ("call: add(1, 2)", "expected: 3", "got: -1")


def test_the_inputs_a_test_built_are_shown_with_its_failure(tmp_path, options: Options) -> None:
    tests = (
        "from mlkata.judge.api import Rand, call, test\n\n\n"
        "@test\n"
        "def adds_seeded_numbers(add):\n"
        "    a, b = Rand(1).py.randint(0, 9), 40\n"
        "    words = ['x'] * 50\n"
        "    for _item in range(2):\n"
        "        pass\n"
        "    return call(add, a, b)\n"
    )
    problem = make_problem(tmp_path, tests=tests)
    t = run(problem, "def add(a, b):\n    return a * b\n", options).tests[0]
    assert t.verdict is Verdict.WRONG_ANSWER
    a = __import__("random").Random(1).randint(0, 9)
    assert t.details[:3] == (f"input a: {a}", "input b: 40", "input words: a list of 50: " + repr(["x"] * 50)[:117] + "...")
    assert t.details[3:] == (f"call: add({a}, 40)", f"expected: {a + 40}", f"got: {a * 40}")
    assert run(problem, "def add(a, b):\n    return a + b\n", options).tests[0].details == ()
