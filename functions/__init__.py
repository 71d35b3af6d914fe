"""PROVIDERS: the registry of every provider, built from an explicit tuple."""

from __future__ import annotations

from functions import generic, github, slack, standard_webhooks, stripe
from shared.provider import Provider

PROVIDERS: dict[str, Provider] = {
    module.PROVIDER.id: module.PROVIDER for module in (generic, github, slack, standard_webhooks, stripe)
}
