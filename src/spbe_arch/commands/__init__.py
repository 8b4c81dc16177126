"""Sub-commands of ``spbe-arch`` beyond the core ones in :mod:`spbe_arch.cli`.

Each module here defines ``register(sub)``, which adds its sub-parser(s) to the parser's
sub-parsers and sets ``func`` to a function ``(args) -> int`` (the exit code). The CLI
registers every module of this package, in name order.
"""
