"""A long fuzz of the compiled YAML reader, for a sanitizer build (not collected by pytest).

Random texts over YAML's indicators, whitespace, escapes and multi-byte characters are read
with and without positions; then every file of the example model and a set of broken texts
are read many times while the process's peak RSS is watched (a reference or malloc leak in
the reader would make it grow). docs/architecture.md ("Satu pembaca YAML") gives the
sanitizer recipe; run as

    PYTHONPATH=/tmp/asan ... python tests/fuzz_reader.py --seed 1 --inputs 200000
"""

from __future__ import annotations

import argparse
import random
import resource
from pathlib import Path

from spbe_arch.load import yamltext

ALPHABET = [
    *":-?[]{},#&*!|>'\"%@ \t\n\r\\abcxyz019.~=+`",
    *("é", "\u4e2d", "\U0001f600", "\u00a0", "\ufeff", "\u2028", "---", "...", "%YAML 1.2\n"),
    *("!!str", "&a", "*a", "<<", "\\x41", "\\u00e9", "\\U0001F600", "  - ", ": "),
]
BROKEN = [
    "a: [b\n", "a: &x 1\nb: *y\n", "a: !!python/object x\n", "- a\nb: c\n", "a: 'x\n",
    'k: "\\xZZ"\n', "a: b\na: c\n", "[?]\n", "x: " + "[" * 70 + "]" * 70 + "\n",
    "--- a\n--- b\n", "%YAML 1.2\n--- a\n", "a: !<%C0%80> b\n",
]  # fmt: skip
"""Texts that end in each kind of problem, fatal or not (error paths must free what they hold)."""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--inputs", type=int, default=20_000)
    parser.add_argument("--rounds", type=int, default=4)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    fatal = 0
    for _ in range(args.inputs):
        text = "".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 120)))
        yamltext.parse_text(text, positions=False)
        fatal += yamltext.parse_text(text).fatal
    read = args.inputs - fatal
    print(f"{args.inputs} random texts read both ways; {read} without a fatal problem")
    model = Path(__file__).parent.parent / "models" / "kabupaten-contoh"
    texts = [p.read_text(encoding="utf-8") for p in sorted(model.rglob("*.yaml"))] + BROKEN
    for round_ in range(args.rounds):
        for _ in range(150):
            for text in texts:
                yamltext.parse_text(text)
                yamltext.parse_text(text, positions=False)
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        print(f"round {round_ + 1}: {150 * len(texts) * 2} reads, peak RSS {peak} KB")


if __name__ == "__main__":
    main()
