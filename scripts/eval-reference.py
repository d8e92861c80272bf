#!/usr/bin/python3
"""Reference values for the unit tests of src/eval, computed with scikit-learn.

Run with Debian's Python after `apt-get install python3-sklearn`:
    /usr/bin/python3 scripts/eval-reference.py
and pin the printed numbers in src/eval/*.test.ts with toBeCloseTo(x, 10).
The label vectors below are written by hand for the tests; keep both in sync.
"""
import sklearn
from sklearn import metrics

CASES = {
    # Six items, classes split in halves, clusters in thirds (scikit-learn's docs example).
    "halves_thirds": ([0, 0, 0, 1, 1, 1], [0, 0, 1, 1, 2, 2]),
    # String classes against numeric clusters, ten talks.
    "tracks_vs_clusters": (
        ["net", "net", "net", "bpf", "bpf", "bpf", "io", "io", "io", "io"],
        [1, 1, 2, 2, 2, 3, 3, 3, 3, 1],
    ),
    # Twenty items, four classes of unequal size against five clusters.
    "twenty": (
        ["a", "a", "a", "a", "a", "a", "a", "b", "b", "b", "b", "b", "c", "c", "c", "c", "d", "d", "d", "d"],
        [0, 0, 0, 0, 1, 1, 4, 1, 1, 1, 2, 4, 2, 2, 2, 3, 3, 3, 3, 4],
    ),
    # One class against all singletons.
    "one_class_singletons": ([7, 7, 7, 7, 7], [0, 1, 2, 3, 4]),
    # All singletons against one cluster.
    "singletons_one_cluster": ([0, 1, 2, 3], ["x", "x", "x", "x"]),
    # Independent partitions: every class meets every cluster equally.
    "independent": ([0, 0, 1, 1], [0, 1, 0, 1]),
    # Worse than chance for ARI.
    "anti": ([0, 0, 1, 1, 2, 2], [0, 1, 0, 2, 1, 2]),
    # A single item.
    "single": (["x"], ["y"]),
}

print(f"scikit-learn {sklearn.__version__}")
for name, (truth, pred) in CASES.items():
    h, c, v = metrics.homogeneity_completeness_v_measure(truth, pred)
    _, _, v2 = metrics.homogeneity_completeness_v_measure(truth, pred, beta=2.0)
    print(name)
    for avg in ("arithmetic", "geometric", "min", "max"):
        print(f"  nmi_{avg} = {metrics.normalized_mutual_info_score(truth, pred, average_method=avg)!r}")
    print(f"  mi = {metrics.mutual_info_score(truth, pred)!r}")
    print(f"  ari = {metrics.adjusted_rand_score(truth, pred)!r}")
    print(f"  homogeneity = {h!r}, completeness = {c!r}, v = {v!r}, v_beta2 = {v2!r}")
    print(f"  accuracy (labels as strings) = {metrics.accuracy_score([str(x) for x in truth], [str(x) for x in pred])!r}")

print("empty")
print(f"  nmi = {metrics.normalized_mutual_info_score([], [])!r}, ari = {metrics.adjusted_rand_score([], [])!r}, "
      f"hcv = {metrics.homogeneity_completeness_v_measure([], [])!r}")

# accuracy: share of items whose predicted label equals the true one.
truth = ["kernel", "rust", "go", "kernel", "rust", "go", "go"]
pred = ["kernel", "go", "go", "kernel", "rust", "rust", "go"]
print(f"accuracy tracks = {metrics.accuracy_score(truth, pred)!r}")

# pair purity, as sklearn_tasks.py computes it: same-label pairs / all pairs within groups.
labels = ["a", "a", "b", "b", "a", "c", "c", "b"]
groups = [[0, 1, 2, 3], [4, 5, 6], [7]]
same = tot = 0
for g in groups:
    for x in range(len(g)):
        for y in range(x + 1, len(g)):
            tot += 1
            same += labels[g[x]] == labels[g[y]]
print(f"pair purity = {same / tot!r}")

# precision@k, as sklearn_themes.py computes it: rank by cosine, drop the query, top k,
# share with the query's label, averaged over queries.
import numpy as np
X = np.array([[1, 0, 0], [0.9, 0.1, 0], [0.8, 0, 0.3], [0, 1, 0], [0.1, 0.9, 0.2], [0, 0.2, 1]])
labels = np.array(["a", "a", "b", "b", "b", "a"])
X = X / np.linalg.norm(X, axis=1, keepdims=True)
S = X @ X.T
np.fill_diagonal(S, -np.inf)
for k in (1, 2, 3):
    top = np.argsort(-S, axis=1, kind="stable")[:, :k]
    print(f"precision@{k} = {float(np.mean(labels[top] == labels[:, None]))!r}  ranking {np.argsort(-S, axis=1, kind='stable')[:, :5].tolist()}")
