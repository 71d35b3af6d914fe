import base64
from urllib.parse import parse_qs, urlencode

from tests.signers import Exchange, Sample, mac

SECRET = "MzQ2ODY4NjM1Njc3ZGVhZjk2OTg0ZWE5MDRiMzU4"  # an auth token (the main account's)
SUBACCOUNT = "ZmE5ZWI0ZDQ2NWEyMzgwYzVjNGUwMTA0MjEyZjQw"  # a subaccount's, not configured here
PUBLIC_URL = "https://hooks.example.com/plivo"
QUERY = "tenant=acme&b=2"
NONCE = "05429567804466091622"
FORWARDED = {"X-Forwarded-Proto": "https", "X-Forwarded-Host": "hooks.example.com"}
FORM = "application/x-www-form-urlencoded"


def v3(method: str, url: str, params: dict[str, list[str]], token: str) -> str:
    # plivo-python computes the V3 signature it validates; Plivo signs the same bytes.
    from plivo.utils.signature_v3 import construct_get_url, construct_post_url, get_signature_v3, validate_v3_signature

    base = construct_get_url(url, {}) if method == "GET" else construct_post_url(url, params)
    signature = get_signature_v3(token.encode(), base.decode(), NONCE.encode()).decode()
    assert validate_v3_signature(method, url, NONCE, token, signature, params if method == "POST" else None)
    return signature


def sign(body: bytes, now: int) -> dict[str, str]:
    params = {key: values for key, values in parse_qs(body.decode(), keep_blank_values=True).items()}
    return {
        "X-Plivo-Signature-V3": v3("POST", f"{PUBLIC_URL}?{QUERY}", params, SECRET),
        "X-Plivo-Signature-V3-Nonce": NONCE,
    }


def v2(url: str, token: str) -> dict[str, str]:
    """The deprecated V2 headers: base64 HMAC-SHA256 of the URL without its query + the nonce
    (Plivo's V2 page), checked by plivo-python's own `validate_signature`; they never cover the body."""
    from plivo.utils import validate_signature

    signature = base64.b64encode(mac(token, url.split("?")[0].encode() + NONCE.encode())).decode()
    assert validate_signature(url, NONCE, signature, token)
    return {"X-Plivo-Signature-V2": signature, "X-Plivo-Signature-V2-Nonce": NONCE}


# A message status callback (plivo.com messaging docs: the callback's form parameters).
PARAMS = {
    "From": "14155551212",
    "To": "14155552323",
    "MessageUUID": "0936ec98-7c4c-11e4-9bd8-22000afa12b9",
    "Status": "delivered",
    "TotalRate": "0.0035",
    "Units": "1",
    "Text": "Héllo & bye",
}
BODY = urlencode(PARAMS).encode()
# The same callback configured with method GET: its parameters follow the URL's own query.
# (ASCII only: plivo-python's GET path reads a percent-encoded UTF-8 query byte by byte.)
GET_QUERY = f"{QUERY}&{urlencode({key: value for key, value in PARAMS.items() if key != 'Text'})}"
ALL_FORM = {key: values for key, values in parse_qs(BODY.decode()).items()}

SAMPLE = Sample(
    secret=SECRET,
    sign=sign,
    signature_header="X-Plivo-Signature-V3",
    content_type=FORM,
    body=BODY,
    query=QUERY,
    headers=FORWARDED,
    attributes={"event_type": "delivered"},
    json=False,
    variants=(
        # A subaccount's callback: -V3 with the subaccount's token, -Ma-V3 with the main account's.
        Exchange(
            body=BODY,
            query=QUERY,
            headers={
                "X-Plivo-Signature-V3": v3("POST", f"{PUBLIC_URL}?{QUERY}", ALL_FORM, SUBACCOUNT),
                "X-Plivo-Signature-Ma-V3": v3("POST", f"{PUBLIC_URL}?{QUERY}", ALL_FORM, SECRET),
            },
            attributes={"event_type": "delivered"},
        ),
        # A GET callback: the parameters signed in the URL, published as the form they would have been.
        Exchange(
            method="GET",
            query=GET_QUERY,
            headers={"X-Plivo-Signature-V3": v3("GET", f"{PUBLIC_URL}?{GET_QUERY}", {}, SECRET)},
            attributes={"event_type": "delivered", "content-type": FORM},
            data=GET_QUERY.encode(),
        ),
    ),
    rejects=(
        # V2 alone (valid by plivo-python) is never read: it does not cover the body.
        Exchange(
            body=BODY,
            query=QUERY,
            headers={"Content-Type": FORM, **FORWARDED, **v2(f"{PUBLIC_URL}?{QUERY}", SECRET)},
            signed=False,
            status=401,
            answer=None,
        ),
        # Nor beside a V3 that does not verify (the subaccount's token is not configured).
        Exchange(
            body=BODY,
            query=QUERY,
            headers={
                "Content-Type": FORM,
                **FORWARDED,
                **v2(f"{PUBLIC_URL}?{QUERY}", SECRET),
                "X-Plivo-Signature-V3": v3("POST", f"{PUBLIC_URL}?{QUERY}", ALL_FORM, SUBACCOUNT),
                "X-Plivo-Signature-V3-Nonce": NONCE,
            },
            signed=False,
            status=401,
            answer=None,
        ),
        # A GET carries its parameters in the URL: a body beside them is not signed.
        Exchange(
            method="GET",
            query=GET_QUERY,
            body=BODY,
            headers={
                **FORWARDED,
                "Content-Type": FORM,
                "X-Plivo-Signature-V3": v3("GET", f"{PUBLIC_URL}?{GET_QUERY}", {}, SECRET),
                "X-Plivo-Signature-V3-Nonce": NONCE,
            },
            signed=False,
            status=401,
            answer=None,
        ),
        # A GET whose parameters were changed after signing.
        Exchange(
            method="GET",
            query=GET_QUERY.replace("delivered", "failed"),
            headers={
                **FORWARDED,
                "X-Plivo-Signature-V3": v3("GET", f"{PUBLIC_URL}?{GET_QUERY}", {}, SECRET),
                "X-Plivo-Signature-V3-Nonce": NONCE,
            },
            signed=False,
            status=401,
            answer=None,
        ),
    ),
)
