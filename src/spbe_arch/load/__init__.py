"""Text → data with source positions; discovery of model files; the repository loader."""

from spbe_arch.load.repository import LoadResult, ModelRepositoryError, load

__all__ = ["LoadResult", "ModelRepositoryError", "load"]
