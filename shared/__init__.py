"""The shared receiver: read, verify, answer the handshake, publish, acknowledge."""
