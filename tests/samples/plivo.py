from urllib.parse import parse_qs, urlencode

from tests.signers import Sample

SECRET = "MzQ2ODY4NjM1Njc3ZGVhZjk2OTg0ZWE5MDRiMzU4"  # an auth token
PUBLIC_URL = "https://hooks.example.com/plivo"
QUERY = "tenant=acme&b=2"
NONCE = "05429567804466091622"
FORWARDED = {"X-Forwarded-Proto": "https", "X-Forwarded-Host": "hooks.example.com"}


def sign(body: bytes, now: int) -> dict[str, str]:
    # plivo-python computes the V3 signature it validates; Plivo signs the same bytes.
    from plivo.utils.signature_v3 import construct_post_url, get_signature_v3, validate_v3_signature

    params = {key: values for key, values in parse_qs(body.decode(), keep_blank_values=True).items()}
    url = f"{PUBLIC_URL}?{QUERY}"
    signature = get_signature_v3(SECRET.encode(), construct_post_url(url, params).decode(), NONCE.encode()).decode()
    assert validate_v3_signature("POST", url, NONCE, SECRET, signature, params)
    return {"X-Plivo-Signature-V3": signature, "X-Plivo-Signature-V3-Nonce": NONCE}


SAMPLE = Sample(
    secret=SECRET,
    sign=sign,
    signature_header="X-Plivo-Signature-V3",
    content_type="application/x-www-form-urlencoded",
    # A message status callback (plivo.com messaging docs: the callback's form parameters).
    body=urlencode(
        {
            "From": "14155551212",
            "To": "14155552323",
            "MessageUUID": "0936ec98-7c4c-11e4-9bd8-22000afa12b9",
            "Status": "delivered",
            "TotalRate": "0.0035",
            "Units": "1",
            "Text": "Héllo & bye",
        }
    ).encode(),
    query=QUERY,
    headers=FORWARDED,
    attributes={"event_type": "delivered"},
    json=False,
)
