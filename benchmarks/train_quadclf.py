"""Train the sentence quad classifier on realpolitik/coding/data/quad_sentences.tsv and write its weights.

Usage: .venv/bin/python benchmarks/train_quadclf.py   (prints k-fold accuracy on the project's own sentences)
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from realpolitik.coding.quadclf import MODEL, train  # noqa: E402

if __name__ == "__main__":
    print(train(), "->", MODEL)
