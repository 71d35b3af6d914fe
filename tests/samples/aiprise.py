from tests.signers import Sample, stdlib_hmac

# AiPrise's published example (docs.aiprise.com/docs/callbacks-authentication): this API private
# key and payload give f8bf141b...10ba86, also checked as a vector in tests/vectors/aiprise.json.
SECRET = "abcdef12-pqrs-abcd-pqrs-abcde0123456"
BODY = (
    b'{"verification_session_id": "123408f2-2bbb-415f-aafc-92212341234", '
    b'"template_id": "123456-3434-2342-3453-b4218a4fb333", "client_reference_id": null, '
    b'"aiprise_summary": {"tags": [], "reasons": [], "notes": [], "verification_result": "APPROVED"}, '
    b'"created_at": 1668974142818}'
)

SAMPLE = Sample(
    secret=SECRET,
    # No Python SDK signs: the docs' own Python recipe, hmac.new(key, body, sha256).hexdigest().
    sign=stdlib_hmac(SECRET, "X-HMAC-SIGNATURE"),
    signature_header="X-HMAC-SIGNATURE",
    body=BODY,
    attributes={
        "verification_session_id": "123408f2-2bbb-415f-aafc-92212341234",
        "verification_result": "APPROVED",
        "ce-type": "aiprise",
        "ce-source": "aiprise",
    },
)
