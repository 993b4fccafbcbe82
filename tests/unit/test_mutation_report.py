"""What ``mlkata mutate`` prints and writes, from checks built by hand (no judge)."""

from __future__ import annotations

from mlkata.mutation.check import EQUIVALENT, INVALID, KILLED, SURVIVED, Outcome, ProblemCheck
from mlkata.mutation.doc import render, stamp
from mlkata.mutation.equivalents import Equivalent
from mlkata.mutation.report import format_check, summary, to_json
from mlkata.mutation.source import Mutant


def mutant(n: int, operator: str = "compare") -> Mutant:
    return Mutant(
        id=f"{operator}:0000000{n}:0",
        operator=operator,
        description=f"compare: < -> <= in `x < t` at line {n}",
        line=n,
        source="...",
        before=("    return x < t",),
        after=("    return x <= t",),
    )


def check(*statuses: str, **changes: object) -> ProblemCheck:
    outcomes = tuple(Outcome(mutant(i), s, "t: wrong_answer" if s == KILLED else "") for i, s in enumerate(statuses, 1))
    base = {"problem": "count-less", "mutants_file": "problems/count-less/mutants.toml", "generated": len(outcomes)}
    return ProblemCheck(**(base | {"outcomes": outcomes, "seconds": 1.5} | changes))  # type: ignore[arg-type]


def test_kill_rate_counts_neither_invalid_nor_equivalent_mutants() -> None:
    c = check(*[KILLED] * 19, SURVIVED, INVALID, EQUIVALENT)
    assert c.kill_rate == 0.95 and not c.passed  # at the target, but a survivor is undeclared
    assert check(KILLED, KILLED, EQUIVALENT, INVALID).passed
    assert check().passed and check().kill_rate == 1.0
    assert not check(KILLED, error="problems/x/mutants.toml: not valid TOML").passed


def test_a_survivor_is_printed_with_its_lines_and_what_to_do() -> None:
    text = format_check(check(KILLED, KILLED, SURVIVED), width=10)
    assert text.splitlines() == [
        "FAIL  count-less  3 mutants: 2 killed, 1 survived, 0 equivalent, 0 invalid; kill rate 66.7%  1.5 s",
        "      survived compare:00000003:0: compare: < -> <= in `x < t` at line 3",
        "        -     return x < t",
        "        +     return x <= t",
        "      add a hidden test that kills each survivor, or declare it equivalent in problems/count-less/mutants.toml:",
        "        [[equivalent]]",
        '        id = "compare:00000003:0"',
        '        reason = "<one line: why it behaves as the reference on every valid input>"',
    ]


def test_stale_and_wrong_declarations_are_warnings() -> None:
    c = check(KILLED, stale=(Equivalent("dim:12345678:0", "old"),), misdeclared=(Outcome(mutant(1), KILLED, "t: wrong_answer"),))
    lines = format_check(c, width=10).splitlines()
    assert lines[0].startswith("ok    count-less  1 mutants: 1 killed")
    assert lines[1:] == [
        "      warning: problems/count-less/mutants.toml declares 'dim:12345678:0' but no mutant has that id any more (stale): remove it",
        "      warning: compare:00000001:0 is declared equivalent but a test kills it (t: wrong_answer): remove the declaration",
    ]


def test_a_sample_and_an_error_say_so() -> None:
    assert "2 mutants (a sample of 9): " in format_check(check(KILLED, KILLED, generated=9))
    assert format_check(check(error="the reference fails its own test t: boom"), width=10) == (
        "FAIL  count-less  the reference fails its own test t: boom"
    )


def test_json_and_summary() -> None:
    data = to_json(check(KILLED, SURVIVED))
    assert {k: data[k] for k in ("problem", "passed", "mutants", "killed", "survived", "kill_rate")} == {
        "problem": "count-less",
        "passed": False,
        "mutants": 2,
        "killed": 1,
        "survived": 1,
        "kill_rate": 0.5,
    }
    assert data["outcomes"][1] | {"before": None} == {
        "id": "compare:00000002:0",
        "operator": "compare",
        "description": "compare: < -> <= in `x < t` at line 2",
        "line": 2,
        "status": "survived",
        "detail": "",
        "seconds": 0.0,
        "before": None,
        "after": ["    return x <= t"],
    }
    assert summary([check(KILLED), check(SURVIVED)], 2.0) == (
        "1/2 problems pass the mutation check (at least 95% of the non-equivalent mutants killed, no undeclared survivor); "
        "2 mutants judged in 2.0 s (1.0 mutants/s)"
    )


def test_the_document_has_a_row_per_problem_and_each_survivor() -> None:
    equivalent = Outcome(mutant(2), EQUIVALENT, "max is symmetric")
    text = render([check(KILLED, SURVIVED, INVALID), ProblemCheck("add-two", "m", 1, (equivalent,))])
    assert "| add-two | 1 | 0 | 0 | 0 | 1 | 100.0% |" in text
    assert "| count-less | 3 | 1 | 1 | 1 | 0 | 50.0% |" in text
    assert text.index("| add-two |") < text.index("| count-less |")
    assert "### add-two\n\n- `compare:00000002:0` (compare: < -> <= in `x < t` at line 2): equivalent: max is symmetric" in text
    assert "- `compare:00000002:0` (compare: < -> <= in `x < t` at line 2): **survives**" in text


def test_writing_some_problems_keeps_the_others_rows_and_sections() -> None:
    first = render([check(KILLED, SURVIVED), ProblemCheck("add-two", "m", 1, (Outcome(mutant(1), KILLED),))])
    again = render([check(KILLED, KILLED)], first, known={"count-less", "add-two"})
    assert "| add-two | 1 | 0 | 1 | 0 | 0 | 100.0% |" in again
    assert "| count-less | 2 | 0 | 2 | 0 | 0 | 100.0% |" in again and "### count-less" not in again
    assert "None: every mutant of every problem above is killed." in again
    gone = render([check(KILLED)], first, known={"count-less"})
    assert "add-two" not in gone
    assert render([check(KILLED, SURVIVED)], first, known={"count-less", "add-two"}) == first  # the same run: the same text


def test_every_write_is_stamped_so_that_unchanged_figures_still_move_the_ci_base() -> None:
    checks = [check(KILLED, KILLED)]
    first = render(checks, written=stamp(checks, 61.4, at=0))
    assert "Last written 1970-01-01 00:00 UTC: 1 problem, 2 mutants judged in 61 s." in first
    again = render(checks, first, written=stamp(checks, 61.4, at=3600))
    assert again != first and "1970-01-01 01:00 UTC" in again and again.count("Last written") == 1
    assert "| count-less | 2 | 0 | 2 | 0 | 0 | 100.0% |" in again
