"""A small, deterministic force-directed layout in NumPy.

networkx's ``spring_layout`` switches to a SciPy sparse solver at 500 nodes, and
SciPy is not an orgkg dependency; its dense NumPy path takes ~13 s for 2,000
nodes here. This Fruchterman-Reingold variant works on one coordinate at a time
in float32 (two n x n arrays instead of an n x n x 2 one), which keeps 2,000
nodes to a couple of seconds, and adds a weak pull to the centre so that the many
small components of a news graph stay near the giant one instead of drifting off.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np


def spring_positions(
    n: int,
    edges: Sequence[tuple[int, int]],
    *,
    seed: int = 7,
    iterations: int | None = None,
    gravity: float = 0.05,
) -> np.ndarray:
    """Return an ``(n, 2)`` float64 array of positions, roughly within the unit square.

    ``edges`` index into ``range(n)``; direction and multiplicity are ignored.
    The same inputs always give the same output on the same machine.
    """
    if n == 0:
        return np.zeros((0, 2))
    if n == 1:
        return np.zeros((1, 2))
    if iterations is None:
        # Fewer steps for big graphs: each one is O(n^2) and they are already dense.
        iterations = 120 if n <= 300 else 60 if n <= 1200 else 45
    rng = np.random.default_rng(seed)
    pos = rng.random((n, 2), dtype=np.float32)
    pairs = {(min(a, b), max(a, b)) for a, b in edges if a != b}
    ei = np.array(sorted(pairs), dtype=np.int64).reshape(-1, 2)
    src, dst = ei[:, 0], ei[:, 1]
    k = np.float32(1.0 / np.sqrt(n))
    k2 = k * k
    temperature = 0.1
    cooling = temperature / (iterations + 1)
    eps = np.float32(1e-4)
    dx = np.empty((n, n), dtype=np.float32)
    dy = np.empty((n, n), dtype=np.float32)
    d2 = np.empty((n, n), dtype=np.float32)
    for _ in range(iterations):
        np.subtract(pos[:, 0, None], pos[None, :, 0], out=dx)
        np.subtract(pos[:, 1, None], pos[None, :, 1], out=dy)
        np.multiply(dx, dx, out=d2)
        d2 += dy * dy
        np.maximum(d2, eps, out=d2)
        # Repulsion k^2/d along the unit vector is delta * k^2 / d^2.
        np.divide(k2, d2, out=d2)
        fx = (dx * d2).sum(axis=1, dtype=np.float64)
        fy = (dy * d2).sum(axis=1, dtype=np.float64)
        if len(src):
            ex = (pos[src, 0] - pos[dst, 0]).astype(np.float64)
            ey = (pos[src, 1] - pos[dst, 1]).astype(np.float64)
            # Attraction d^2/k along the unit vector is delta * d / k.
            a = np.sqrt(ex * ex + ey * ey) / float(k)
            fx -= np.bincount(src, ex * a, minlength=n)
            fx += np.bincount(dst, ex * a, minlength=n)
            fy -= np.bincount(src, ey * a, minlength=n)
            fy += np.bincount(dst, ey * a, minlength=n)
        centre = pos.mean(axis=0, dtype=np.float64)
        fx -= gravity * n * k * (pos[:, 0] - centre[0])
        fy -= gravity * n * k * (pos[:, 1] - centre[1])
        length = np.sqrt(fx * fx + fy * fy)
        np.maximum(length, 1e-9, out=length)
        step = np.minimum(length, temperature) / length
        pos[:, 0] += (fx * step).astype(np.float32)
        pos[:, 1] += (fy * step).astype(np.float32)
        temperature -= cooling
    return pos.astype(np.float64)
