"""A 5xx to a provider that never retries is a lost event, logged at ERROR as `lost` (issue 16.5).

Real functions-framework processes whose Pub/Sub is an unused loopback port, one example of
each kind of provider taken from the declarations (`retries=Retries(...)`).
"""

from __future__ import annotations

import json
import time

import pytest

from functions import PROVIDERS
from tests import signers
from tests.conftest import Server, free_port
from tests.signers import SAMPLES

# The first provider of each kind, as declared: never retries, retries, no source says.
EXAMPLES = {word: next(p.id for p in PROVIDERS.values() if p.retries.word == word) for word in ("no", "yes", "unknown")}

# (severity, outcome) by the provider's retries and the refusal. Unknown is logged like a
# provider that retries: 95 of the 98 providers whose docs say do retry (README, Logs).
EXPECTED = {
    ("no", "unavailable"): ("ERROR", "lost"),
    ("no", "missing_config"): ("ERROR", "lost"),
    ("yes", "unavailable"): ("WARNING", "unavailable"),
    ("yes", "missing_config"): ("WARNING", "rejected"),
    ("unknown", "unavailable"): ("WARNING", "unavailable"),
    ("unknown", "missing_config"): ("WARNING", "rejected"),
}


@pytest.fixture(scope="module")
def servers(server_factory) -> dict[str, Server]:
    """Pub/Sub unreachable: one server configured with every sample secret, one with none."""
    unreachable = {"PUBSUB_EMULATOR_HOST": f"127.0.0.1:{free_port()}"}
    return {
        "unavailable": server_factory("webhooks", {**unreachable, **signers.environment()}, name="retries-unavailable"),
        "missing_config": server_factory("webhooks", unreachable, name="retries-unconfigured"),
    }


def logged(server: Server, provider: str) -> dict:
    """The last line the server logged for `provider`."""
    return [r for r in map(json.loads, server.log_lines()) if r.get("provider") == provider][-1]


@pytest.mark.parametrize(("retries", "refusal"), [pytest.param(*key, id="-".join(key)) for key in sorted(EXPECTED)])
def test_a_503_is_logged_by_whether_the_provider_sends_it_again(servers, retries: str, refusal: str) -> None:
    provider = EXAMPLES[retries]
    now = int(time.time())
    sample = SAMPLES[provider]
    body = sample.body_at(now)
    headers = {"Content-Type": sample.content_type, **sample.headers, **sample.sign(body, now)}
    response = servers[refusal].post(f"/{provider}?{sample.query}", body, headers)
    assert response.status_code == 503
    record = logged(servers[refusal], provider)
    severity, outcome = EXPECTED[retries, refusal]
    assert (record["severity"], record["outcome"], record["status"], record["retries"]) == (
        severity,
        outcome,
        503,
        retries,
    )
    # The reason stays: what failed, for the one who fixes it.
    if refusal == "missing_config":
        assert (record["reason"], record["variable"]) == ("missing_config", f"{provider.upper()}_WEBHOOK_SECRET")
    else:
        assert record["reason"] not in (None, "missing_config")
    assert f"503 {outcome} {record['reason']}" in record["message"]
