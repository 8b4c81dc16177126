"""The compiled YAML reader: spbe_arch.load._reader (Cython) with libyaml 0.2.5 built in.

Everything else about the package is in pyproject.toml. The reader is built by
``pip install .`` / ``pip install -e .`` (``make setup``) and ``python -m build`` (``make dist``);
it needs a C compiler and the Python headers (on Debian: ``apt-get install gcc python3-dev``).
See docs/architecture.md, "Satu pembaca YAML", and src/spbe_arch/load/_libyaml/README.md.
"""

from Cython.Build import cythonize
from setuptools import Extension, setup

LIBYAML = "src/spbe_arch/load/_libyaml"

reader = Extension(
    "spbe_arch.load._reader",
    sources=[
        "src/spbe_arch/load/_reader.pyx",
        *(f"{LIBYAML}/{name}.c" for name in ("api", "reader", "scanner", "parser")),
    ],
    depends=[f"{LIBYAML}/yaml.h", f"{LIBYAML}/yaml_private.h"],
    include_dirs=[LIBYAML],
    # what libyaml's config.h would define (its CMakeLists.txt), and a static build on Windows
    define_macros=[
        ("YAML_VERSION_MAJOR", "0"),
        ("YAML_VERSION_MINOR", "2"),
        ("YAML_VERSION_PATCH", "5"),
        ("YAML_VERSION_STRING", '"0.2.5"'),
        ("YAML_DECLARE_STATIC", None),
        ("Py_LIMITED_API", "0x030B0000"),
    ],
    py_limited_api=True,
    extra_compile_args=["-O2", "-Wall", "-g0"],  # no debug info: a 4× smaller module
)

setup(
    ext_modules=cythonize([reader], language_level=3, quiet=True),
    options={"bdist_wheel": {"py_limited_api": "cp311"}},
)
