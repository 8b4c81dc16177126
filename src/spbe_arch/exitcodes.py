"""The exit codes of every ``spbe-arch`` command, in one place."""

EXIT_OK = 0
"""Exit code: the command did what it was asked and found nothing failing."""
EXIT_PROBLEMS = 1
"""Exit code: the model has problems that fail the run (errors, or warnings with ``--strict``)."""
EXIT_USAGE = 2
"""Exit code: a usage error (no model repository, unknown option value, a tool missing)."""
