"""Your handlers: one module per concern, each imported here by name (nothing is discovered).

`consume` imports this package (or the modules named in CONSUME_HANDLERS); every function a
module registers with `@on(provider, pattern)` runs once for each matching event.
"""

from handlers import example  # noqa: F401 - registers by being imported; replace with your own modules
