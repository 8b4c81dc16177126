"""spbe-arch: Arsitektur SPBE dan Peta Rencana SPBE sebagai kode.

The public API: :func:`load` a model repository, then work with the typed model it returns.
"""

from spbe_arch.load import LoadResult, ModelRepositoryError, load
from spbe_arch.problems import Problem, Severity

__version__ = "0.1.0"

__all__ = ["LoadResult", "ModelRepositoryError", "Problem", "Severity", "__version__", "load"]
