"""Either: a provider that offers a choice of authentication; any one scheme verifies."""

from __future__ import annotations

from dataclasses import dataclass

from shared.delivery import Delivery
from shared.errors import Unauthorized
from shared.schemes.parts import Verify
from shared.secrets import Secrets


@dataclass(frozen=True, slots=True)
class Either:
    """Any one of several schemes verifies (a provider that offers a choice of authentication)."""

    schemes: tuple[Verify, ...]

    def __call__(self, delivery: Delivery, secrets: Secrets) -> None:
        errors: list[Unauthorized] = []
        for scheme in self.schemes:
            try:
                scheme(delivery, secrets)
                return
            except Unauthorized as error:
                errors.append(error)
        # Report a credential that was present but wrong before one that was absent.
        raise next((e for e in errors if not e.reason.startswith("missing")), errors[0])

    def sign(self, delivery: Delivery, secret: bytes) -> dict[str, str]:
        """Sign as the first scheme that can sign in headers."""
        signer = next((s for s in self.schemes if hasattr(s, "sign")), None)
        if signer is None:
            raise TypeError("no scheme here signs in headers")
        return signer.sign(delivery, secret)  # type: ignore[attr-defined]


def either(*schemes: Verify) -> Either:
    """A scheme that accepts a delivery when any of `schemes` does."""
    if not schemes:
        raise ValueError("either() needs at least one scheme")
    return Either(schemes)
