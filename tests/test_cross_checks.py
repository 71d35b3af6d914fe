"""Our verdicts against the providers' own verifiers (box-sdk-gen, openai, anthropic), and several-header schemes."""

from __future__ import annotations

import time

import pytest
from werkzeug.datastructures import Headers

from functions import PROVIDERS
from shared.delivery import Delivery
from shared.errors import Unauthorized
from shared.secrets import Secret
from tests.samples import box, docusign
from tests.signers import SAMPLES, documented, flip


def verdict(provider: str, body: bytes, headers: dict[str, str], now: float, *secrets: str) -> bool:
    headers_ = Headers(headers)
    delivery = Delivery(provider=provider, method="POST", path="/", headers=headers_, body=body, received_at=now)
    try:
        PROVIDERS[provider].verify(delivery, tuple(Secret(s.encode()) for s in secrets))
    except Unauthorized:
        return False
    return True


def box_headers(body: bytes, when: int, key: str, header: str) -> dict[str, str]:
    from box_sdk_gen.internal.utils import compute_webhook_signature

    signed = box.sign(body, when)
    base = {k: v for k, v in signed.items() if not k.startswith("box-signature-")}
    base["box-signature-version"], base["box-signature-algorithm"] = "1", "HmacSHA256"
    return {**base, header: compute_webhook_signature(body.decode(), base, key)}


def box_variants(now: int) -> list[tuple[str, bytes, dict[str, str]]]:
    body = SAMPLES["box"].body
    primary = box_headers(body, now, box.PRIMARY, "box-signature-primary")
    return [
        ("valid", body, primary),
        ("secondary_only", body, box_headers(body, now, box.SECONDARY, "box-signature-secondary")),
        ("tampered_body", body + b" ", primary),
        ("flipped", body, {**primary, "box-signature-primary": flip(primary["box-signature-primary"])}),
        ("wrong_key", body, box_headers(body, now, "not-a-box-key", "box-signature-primary")),
        ("stale", body, box_headers(body, now - 605, box.PRIMARY, "box-signature-primary")),
        ("inside_tolerance", body, box_headers(body, now - 590, box.PRIMARY, "box-signature-primary")),
    ]


@pytest.mark.parametrize("index", range(7), ids=[name for name, _, _ in box_variants(0)])
def test_box_agrees_with_box_sdk_gen(index: int) -> None:
    """Box's validate_message reads the real clock, so both judge against now (its future check is stricter)."""
    from box_sdk_gen.managers.webhooks import WebhooksManager

    now = int(time.time())
    name, body, headers = box_variants(now)[index]
    theirs = WebhooksManager.validate_message(body.decode(), headers, box.PRIMARY, secondary_key=box.SECONDARY)
    assert verdict("box", body, headers, now, box.PRIMARY, box.SECONDARY) is theirs
    assert theirs is (name in ("valid", "secondary_only", "inside_tolerance"))


# 10 s from the 300 s tolerance's edges: the SDKs read the clock after importing themselves,
# which can take over a second on a loaded machine (a +301 delivery then looked 300 s new).
STANDARD_WEBHOOKS_CASES = {
    "valid": (0, False, False, True),
    "flipped": (0, True, False, False),
    "tampered_body": (0, False, True, False),
    "stale": (-310, False, False, False),
    "future": (310, False, False, False),
    "inside_tolerance": (-290, False, False, True),
}


def openai_verifies(body: bytes, headers: dict[str, str], secret: str) -> bool:
    from openai import InvalidWebhookSignatureError, OpenAI

    try:
        OpenAI(api_key="unused", webhook_secret=secret).webhooks.verify_signature(body, headers)
    except InvalidWebhookSignatureError:
        return False
    return True


def anthropic_verifies(body: bytes, headers: dict[str, str], secret: str) -> bool:
    from anthropic import Anthropic
    from standardwebhooks.webhooks import WebhookVerificationError

    try:
        Anthropic(api_key="unused").beta.webhooks.unwrap(body.decode(), headers=headers, key=secret)
    except WebhookVerificationError:
        return False
    return True


SDK_VERIFIERS = {"openai": openai_verifies, "claude": anthropic_verifies}


@pytest.mark.parametrize("case", STANDARD_WEBHOOKS_CASES)
@pytest.mark.parametrize("provider", SDK_VERIFIERS)
def test_standard_webhooks_senders_agree_with_their_sdk(provider: str, case: str) -> None:
    """openai-python's verify_signature and anthropic-sdk-python's unwrap read the real clock too."""
    offset, flipped, tampered, expected = STANDARD_WEBHOOKS_CASES[case]
    sample, now = SAMPLES[provider], int(time.time())
    headers = sample.sign(sample.body, now + offset)
    if flipped:
        headers["webhook-signature"] = flip(headers["webhook-signature"])
    body = sample.body + (b" " if tampered else b"")
    assert SDK_VERIFIERS[provider](body, headers, sample.secret) is expected
    assert verdict(provider, body, headers, now, sample.secret) is expected


def test_docusign_any_numbered_header_verifies() -> None:
    """One header per Connect key: a match in -3 verifies though -1 and -2 do not."""
    body = SAMPLES["docusign"].body
    good = documented(docusign.KEY, lambda s, now: {"X-DocuSign-Signature-3": s}, encoding="base64")(body, 0)
    headers = {"X-DocuSign-Signature-1": flip(good["X-DocuSign-Signature-3"]), "X-DocuSign-Signature-2": "!!", **good}
    assert verdict("docusign", body, headers, 0, docusign.KEY)
    del headers["X-DocuSign-Signature-3"]
    assert not verdict("docusign", body, headers, 0, docusign.KEY)
    assert not verdict("docusign", body, {}, 0, docusign.KEY)


def razorpay_verdict(body: bytes, signature: str, secret: str) -> bool:
    from razorpay.errors import SignatureVerificationError
    from razorpay.utility.utility import Utility

    try:
        Utility().verify_webhook_signature(body.decode(), signature, secret)
    except SignatureVerificationError:
        return False
    return True


def gocardless_verdict(body: bytes, signature: str, secret: str) -> bool:
    from gocardless_pro import webhooks
    from gocardless_pro.errors import InvalidSignatureError

    try:
        webhooks.parse(body, secret, signature)
    except InvalidSignatureError:
        return False
    return True


# Official libraries that verify but do not sign: their verdict on each near miss must be ours.
VERIFY_ONLY = {"razorpay": razorpay_verdict, "gocardless": gocardless_verdict}
NEAR_MISSES = {"valid": True, "flipped": False, "tampered_body": False, "wrong_secret": False}


@pytest.mark.parametrize("case", NEAR_MISSES)
@pytest.mark.parametrize("provider", VERIFY_ONLY)
def test_verify_only_sdks_agree(provider: str, case: str) -> None:
    sample, header, now = SAMPLES[provider], SAMPLES[provider].signature_header, int(time.time())
    headers = sample.sign(sample.body, now)
    if case == "flipped":
        headers[header] = flip(headers[header])
    body = sample.body + (b" " if case == "tampered_body" else b"")
    secret = "not-the-secret" if case == "wrong_secret" else sample.secret
    theirs = VERIFY_ONLY[provider](body, headers[header], secret)
    assert theirs is NEAR_MISSES[case]
    assert verdict(provider, body, headers, now, secret) is theirs


def test_pusher_agrees_with_the_official_library() -> None:
    """pusher's validate_webhook: right key and secret, fresh `time_ms`; ours judges the same deliveries."""
    from pusher import Pusher

    from tests.samples import pusher

    client = Pusher(app_id="1", key=pusher.KEY, secret=pusher.SECRET)
    now = int(time.time())
    fresh, stale = SAMPLES["pusher"].body_at(now), SAMPLES["pusher"].body_at(now - 301)
    for signed, body, expected in ((fresh, fresh, True), (fresh, fresh + b" ", False), (stale, stale, False)):
        headers = pusher.sign(signed, now)
        theirs = client.validate_webhook(headers["X-Pusher-Key"], headers["X-Pusher-Signature"], body.decode())
        assert (theirs is not None) is expected
        assert verdict("pusher", body, headers, now, pusher.SECRET) is expected


ADYEN_CASES = {
    "valid": lambda s: s.body,
    "flipped": lambda s: s.forgeries[1](0),
    "wrong_key": lambda s: s.forgeries[2](0),
    "amount_changed": lambda s: s.forgeries[3](0),
}


@pytest.mark.parametrize("case", ADYEN_CASES)
def test_adyen_agrees_with_adyen_python(case: str) -> None:
    """Adyen's own `is_valid_hmac_notification` and ours give the same verdict on each near miss."""
    import json

    from Adyen.util import is_valid_hmac_notification

    sample = SAMPLES["adyen"]
    body = ADYEN_CASES[case](sample)
    theirs = bool(is_valid_hmac_notification(json.loads(body), sample.secret))
    assert theirs is (case == "valid")
    assert verdict("adyen", body, {"Content-Type": "application/json"}, 0, sample.secret) is theirs
