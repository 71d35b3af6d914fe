"""The signature schemes, by family; a provider declares one, the pipeline calls it.

- parts.py: what every scheme shares: `Claim` and the header layouts (`single`, `pairs`,
  `versioned`), the `signed` template and its parts, encodings, signed timestamps;
- mac.py: `Hmac`, an HMAC over parts of the request, and key decoders (`whsec`, `base64_key`);
- tokens.py: secrets sent as they are: `Token`, `NamedToken`, `QueryToken`, `BasicAuth`;
- jwts.py: `Jwt` (signed with the shared secret) and `JwtBodyHash` (carries the body's hash);
- public_key.py: `PublicKey` (`Ed25519`, `Ecdsa`, RSA) and how a configured key is read;
- body.py: schemes that read the body: `BodyFields`, `BodyTimestamp`, `BodyToken`, `ObjectBody`,
  `Inflated`;
- either.py: `either(...)`, any one of several schemes.

A scheme is a callable `(delivery, secrets) -> None` that returns or raises Unauthorized;
an exotic provider's scheme is a plain function in its own module (functions/discord.py).
"""

from __future__ import annotations

from shared.schemes.body import BodyFields, BodyTimestamp, BodyToken, Inflated, ObjectBody
from shared.schemes.either import Either, either
from shared.schemes.jwts import Jwt, JwtBodyHash
from shared.schemes.mac import Hmac, base64_key, whsec
from shared.schemes.parts import (
    PARTS,
    Claim,
    Encoding,
    Verify,
    check_age,
    decode,
    encode,
    format_timestamp,
    pairs,
    parse_timestamp,
    read_parts,
    render,
    single,
    sorted_form,
    template,
    text_bytes,
    versioned,
)
from shared.schemes.public_key import ALGORITHMS, Ecdsa, Ed25519, PublicKey, public_key, rsa_public_key
from shared.schemes.tokens import BasicAuth, NamedToken, QueryToken, Token

__all__ = [
    "ALGORITHMS",
    "PARTS",
    "BasicAuth",
    "BodyFields",
    "BodyTimestamp",
    "BodyToken",
    "Claim",
    "Ecdsa",
    "Ed25519",
    "Either",
    "Encoding",
    "Hmac",
    "Inflated",
    "Jwt",
    "JwtBodyHash",
    "NamedToken",
    "ObjectBody",
    "PublicKey",
    "QueryToken",
    "Token",
    "Verify",
    "base64_key",
    "check_age",
    "decode",
    "either",
    "encode",
    "format_timestamp",
    "pairs",
    "parse_timestamp",
    "public_key",
    "pure",
    "read_parts",
    "render",
    "rsa_public_key",
    "single",
    "sorted_form",
    "template",
    "text_bytes",
    "versioned",
    "whsec",
]

# The schemes above compute only from the request and the secrets: the async pipeline
# runs them on its event loop. Any other verify function (one that may fetch, such as
# Google-signed tokens) runs in a worker thread so it cannot stall every other request.
_PURE = (
    Hmac,
    Token,
    Jwt,
    JwtBodyHash,
    QueryToken,
    BodyToken,
    BodyFields,
    BasicAuth,
    NamedToken,
    PublicKey,
)


def pure(verify: Verify) -> bool:
    """Whether `verify` never blocks on I/O (so it may run on the event loop)."""
    if isinstance(verify, Either):
        return all(pure(scheme) for scheme in verify.schemes)
    # A scheme around another is as pure as the one inside it.
    if isinstance(verify, BodyTimestamp | ObjectBody | Inflated):
        return pure(verify.verify)
    return isinstance(verify, _PURE)
