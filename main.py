"""Entry points: one HTTP function per provider, and `webhooks`, routed by path."""

from functions import PROVIDERS
from shared import pipeline

generic = pipeline.entry_point(PROVIDERS["generic"])
github = pipeline.entry_point(PROVIDERS["github"])
slack = pipeline.entry_point(PROVIDERS["slack"])
standard_webhooks = pipeline.entry_point(PROVIDERS["standard_webhooks"])
stripe = pipeline.entry_point(PROVIDERS["stripe"])

webhooks = pipeline.router(PROVIDERS)
