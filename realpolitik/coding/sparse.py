"""Sparse binary feature matrices, their fits and scores, for the coder's small numpy models (quadclf, ctxmodel,
modemodel, keepmodel)."""
from __future__ import annotations

from typing import Iterable

import numpy as np


def feature_index(examples: Iterable[Iterable[str]], min_count: int = 1) -> dict[str, int]:
    """Feature -> column, for the features seen at least `min_count` times, in sorted order."""
    counts: dict[str, int] = {}
    for fs in examples:
        for f in fs:
            counts[f] = counts.get(f, 0) + 1
    return {f: i for i, f in enumerate(sorted(f for f, n in counts.items() if n >= min_count))}


def matrix(examples: list[set[str]], index: dict[str, int]) -> np.ndarray:
    """A dense 0/1 matrix of the examples over the indexed features (unknown features ignored)."""
    X = np.zeros((len(examples), len(index)))
    for r, fs in enumerate(examples):
        for f in fs:
            i = index.get(f)
            if i is not None:
                X[r, i] = 1.0
    return X


def softmax_fit(X: np.ndarray, Y: np.ndarray, l2: float, epochs: int, lr: float,
                mask: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Softmax regression weights and bias by full-batch gradient descent; `mask` (rows x classes, bool) limits
    each row's softmax to its allowed classes."""
    W = np.zeros((X.shape[1], Y.shape[1]))
    b = np.zeros(Y.shape[1])
    n = max(len(X), 1)
    for _ in range(epochs):
        Z = X @ W + b
        if mask is not None:
            Z = np.where(mask, Z, -1e9)
        Z -= Z.max(axis=1, keepdims=True)
        P = np.exp(Z)
        P /= P.sum(axis=1, keepdims=True)
        G = P - Y
        W -= lr * (X.T @ G / n + l2 * W)
        b -= lr * G.mean(axis=0)
    return W, b


def logistic_fit(X: np.ndarray, Y: np.ndarray, l2: float, epochs: int, lr: float,
                 weights: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """One-vs-rest logistic regression weights and bias (one column per label of `Y`) by full-batch gradient
    descent; `weights` (one per row) scale each row's gradient."""
    W = np.zeros((X.shape[1], Y.shape[1]))
    b = np.zeros(Y.shape[1])
    n = max(len(X), 1)
    for _ in range(epochs):
        P = 1.0 / (1.0 + np.exp(-(X @ W + b)))
        G = P - Y if weights is None else (P - Y) * weights[:, None]
        W -= lr * (X.T @ G / n + l2 * W)
        b -= lr * G.mean(axis=0)
    return W, b


def logits(index: dict[str, int], W: np.ndarray, b, feats: Iterable[str]) -> np.ndarray:
    """The bias plus the weight rows of the known features of one example (the models' linear score)."""
    z = np.array(b, dtype=float)
    for f in feats:
        i = index.get(f)
        if i is not None:
            z += W[i]  # in place: z is a fresh copy of the bias
    return z
