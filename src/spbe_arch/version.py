"""The version of spbe-arch: a leaf module, so that reports and caches read it without importing
the package's public API (``spbe_arch.__version__`` is the same string)."""

__version__ = "0.1.0"
