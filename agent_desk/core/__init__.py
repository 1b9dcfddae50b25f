"""Pure domain code: no Qt, no I/O. Shared by the client and the server."""
