"""Benchmarks: a synthetic national corpus (:mod:`benchmarks.corpus`) and the timing script."""
