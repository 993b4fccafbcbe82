"""The server says in its log, once the warm worker is up, what confines judged code on this machine."""

from __future__ import annotations

import pytest

from mlkata.judge.child import sandbox
from tests.server.conftest import Client

pytestmark = pytest.mark.slow


@pytest.mark.fast
async def test_the_log_says_what_confines_judged_code(shared_server: Client) -> None:
    def said() -> list[str]:
        return [m.message for m in shared_server.lsp.log_messages if "judged code is confined by" in m.message]

    lines = await shared_server.wait_for(said, what="the sandbox line in the server's log")
    expected = sandbox.summary(sandbox.probe())
    assert lines == [f"ML Kata: {expected}"]
