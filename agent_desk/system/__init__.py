"""OS integration for the client; no Qt here.

- ``paths``: profiles, per-user and per-profile directories (platformdirs, ``AGENT_DESK_HOME``).
- ``secrets``: bearer tokens in the OS keyring (the only module that imports ``keyring``).
- ``config``: layered settings (defaults < managed < user < environment < command line).
- ``logging_setup``: one rotating log file with secrets redacted.

Import the submodules directly; this package imports none of them, so that importing
``agent_desk.system.paths`` does not pull in ``keyring``.
"""
