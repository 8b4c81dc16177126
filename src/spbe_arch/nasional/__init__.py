"""The national view: many model repositories checked together, and duplicated applications.

:func:`check_many` checks every repository below a folder in parallel, caching each one's
result by content; :func:`find_duplicates` groups the aplikasi that many Pemda build
separately for the same function (the candidates for an Aplikasi Umum).
"""

from spbe_arch.nasional.cache import CACHE_NAME, ResultCache
from spbe_arch.nasional.hasil import AppDigest, Outcome, RepoSummary
from spbe_arch.nasional.many import ManyResult, check_many, render_many
from spbe_arch.nasional.repos import find_repositories, is_collection

__all__ = [
    "CACHE_NAME",
    "AppDigest",
    "ManyResult",
    "Outcome",
    "RepoSummary",
    "ResultCache",
    "check_many",
    "find_repositories",
    "is_collection",
    "render_many",
]
