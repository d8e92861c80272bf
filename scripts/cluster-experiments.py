#!/usr/bin/python3
"""Clustering experiments on the atlas's own vectors at the true k, and the supervised ceiling.

    npm run eval -- --dump DIR --rows none                 # corpora as the eval reads them
    node scripts/atlas-vectors.mjs DIR [--seed N]          # the atlas's vectors, DIR/vectors-N
    /usr/bin/python3 scripts/cluster-experiments.py DIR [--seeds 42,1,2,3] [--only emnlp,fosdem-2024]
        [--part ceiling,graphs,vectorizers]

Parts (each prints `corpus  variant  NMI at seed 42  (mean over the seeds)`):

- ceiling: what the words allow, on the atlas's embedding with the truth labels: each talk
  to its nearest true-area centroid (resubstitution), 5-fold cross-validated nearest
  centroid (areas of at least 5 talks), k-means started from the true centroids; then the
  cross-validated recall of every area and the area it is most confused with.
- graphs: other ways to cut the same talks at the true k: spectral clustering (normalised
  affinity, k leading eigenvectors, rows to unit length, k-means; Ng, Jordan and Weiss 2001)
  on the consensus's co-association, on a k-nearest-neighbour graph of the embedding, on
  all cosines and on hubness-corrected (CSLS) similarities; Louvain communities (networkx,
  when installed: apt-get install python3-networkx) with the resolution bisected until
  there are k; k-means consensus on the TF-IDF rows themselves; self-training (a classifier fitted on the consensus's most
  central members, then labelling every talk; iterative classification, Rakib et al. 2020).
- vectorizers: scikit-learn's recipe (TF-IDF, LSA 100, consensus of 20 k-means runs cut by
  average linkage) on the dumped texts with the weighting or the features changed: word
  clusters as features (Slonim and Tishby 2000), BM25 term frequency, length-normalised log
  term frequency, character n-grams, stop words kept, LDA topics, spectral co-clustering
  (Dhillon 2001).

Needs Debian's python3-sklearn. DIR holds the eval's dump; without ../shared/corpora that
dump has only the fixtures (the eval says so), and the figures are for those.
"""
import json
import os
import sys

import numpy as np
import scipy.sparse as sp
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.sparse.linalg import eigsh
from scipy.spatial.distance import squareform
from sklearn.cluster import KMeans, SpectralCoclustering
from sklearn.decomposition import LatentDirichletAllocation, TruncatedSVD
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import normalized_mutual_info_score as nmi
from sklearn.model_selection import StratifiedKFold, cross_val_predict
from sklearn.neighbors import NearestCentroid
from sklearn.preprocessing import normalize

RUNS = 20


def load_vectors(directory, name):
    """The arrays scripts/atlas-vectors.mjs wrote for one corpus."""
    meta = json.load(open(f"{directory}/{name}.meta.json"))
    n, d = meta["n"], meta["d"]
    read = lambda suffix, dtype: np.fromfile(f"{directory}/{name}.{suffix}", dtype=dtype)
    names = sorted(set(meta["truth"]))
    X = sp.csr_matrix((read("data.f32", np.float32).astype(float), read("indices.i32", np.int32), read("indptr.i32", np.int32)), shape=(n, meta["nCols"]))
    return {
        "E": read("emb.f32", np.float32).reshape(n, d).astype(float),
        "runs": read("runs.i32", np.int32).reshape(-1, n),
        "assigned": read("assign.i32", np.int32),
        "X": X,
        "y": np.array([names.index(v) for v in meta["truth"]]),
        "k": meta["k"],
        "names": names,
    }


def kmeans_runs(Z, k, seed, runs=RUNS):
    rng = np.random.RandomState(seed)
    return [KMeans(k, n_init=1, random_state=rng.randint(1 << 30)).fit(Z).labels_ for _ in range(runs)]


def co_association(labelings):
    A = np.zeros((len(labelings[0]),) * 2)
    for labels in labelings:
        A += labels[:, None] == labels[None, :]
    return A / len(labelings)


def average_linkage_cut(A, k):
    D = 1 - A
    np.fill_diagonal(D, 0)
    return fcluster(linkage(squareform(D, checks=False), "average"), k, "maxclust")


def spectral_cut(W, k, seed):
    """Ng–Jordan–Weiss: D^-1/2 W D^-1/2, its k leading eigenvectors, unit rows, k-means."""
    W = sp.csr_matrix(W)
    W = (W + W.T) / 2
    degree = np.asarray(W.sum(1)).ravel()
    scale = sp.diags(1 / np.sqrt(np.maximum(degree, 1e-12)))
    _, vectors = eigsh(scale @ W @ scale, k=k, which="LA")
    return KMeans(k, n_init=10, random_state=seed).fit(normalize(vectors)).labels_


def knn_graph(Z, m):
    """Cosine weights of each row's m nearest rows, symmetrised by the larger weight."""
    S = Z @ Z.T
    np.fill_diagonal(S, -np.inf)
    n = len(Z)
    m = min(m, n - 1)
    nearest = np.argsort(-S, 1)[:, :m]
    rows = np.repeat(np.arange(n), m)
    W = sp.csr_matrix((np.maximum(S[rows, nearest.ravel()], 0), (rows, nearest.ravel())), shape=(n, n))
    return W.maximum(W.T)


def csls_graph(Z, m):
    """CSLS (Conneau et al. 2018): 2 cos(i, j) − r_i − r_j, r = mean cosine to the 10 nearest;
    each row's m highest kept, shifted to be non-negative."""
    S = Z @ Z.T
    np.fill_diagonal(S, -np.inf)
    r = np.sort(S, 1)[:, -10:].mean(1)
    np.fill_diagonal(S, 1)
    C = 2 * S - r[:, None] - r[None, :]
    m = min(m, len(Z) - 1)
    return np.where(C >= np.sort(C, 1)[:, [-(m + 1)]], np.maximum(C - C.min(), 0), 0)


def louvain_with_k(W, k, seed):
    """Louvain communities with the resolution bisected (18 steps) until there are k."""
    import networkx as nx

    graph = nx.from_scipy_sparse_array(sp.csr_matrix(W))
    low, high, best = 0.05, 20.0, None
    for _ in range(18):
        resolution = np.sqrt(low * high)
        communities = nx.community.louvain_communities(graph, weight="weight", resolution=resolution, seed=seed)
        labels = np.zeros(W.shape[0], int)
        for c, members in enumerate(communities):
            labels[list(members)] = c
        if best is None or abs(len(communities) - k) < abs(best[0] - k):
            best = (len(communities), labels)
        if len(communities) == k:
            break
        low, high = (resolution, high) if len(communities) < k else (low, resolution)
    return best[1]


def central_members(A, labels, share):
    """The `share` of each cluster with the highest mean co-association to their cluster."""
    centrality = np.array([A[i, labels == labels[i]].mean() for i in range(len(labels))])
    keep = np.zeros(len(labels), bool)
    for c in np.unique(labels):
        members = np.where(labels == c)[0]
        keep[members[np.argsort(-centrality[members])[: max(1, round(share * len(members)))]]] = True
    return keep


def self_training(X, A, labels, share, C, passes):
    for _ in range(passes):
        keep = central_members(A, labels, share)
        labels = LogisticRegression(C=C, max_iter=1000).fit(X[keep], labels[keep]).predict(X)
    return labels


def iterative_classification(X, E, labels, seed, rounds=20):
    """Rakib et al. 2020: each round, drop each cluster's outliers (isolation forest on the
    embedding), train on a random 60–80 % of the rest, relabel the others; stop when stable."""
    from sklearn.ensemble import IsolationForest

    rng = np.random.RandomState(seed)
    labels = labels.copy()
    for _ in range(rounds):
        train = np.zeros(len(labels), bool)
        share = rng.uniform(0.6, 0.8)
        for c in np.unique(labels):
            members = np.where(labels == c)[0]
            if len(members) < 3:
                train[members] = True
                continue
            inliers = members[IsolationForest(random_state=rng.randint(1 << 30)).fit(E[members]).predict(E[members]) == 1]
            take = min(max(1, round(share * len(members))), len(inliers))
            train[rng.choice(inliers, take, replace=False)] = True
        relabelled = labels.copy()
        relabelled[~train] = LogisticRegression(C=10, max_iter=500).fit(X[train], labels[train]).predict(X[~train])
        stable = np.mean(relabelled != labels) < 0.001
        labels = relabelled
        if stable:
            break
    return labels


def graph_variants(v, seed, has_networkx):
    """Every alternative clustering of one atlas's vectors at its true k."""
    E, X, k = v["E"], v["X"], v["k"]
    A = co_association(list(v["runs"]))
    out = {"atlas (consensus, average linkage)": v["assigned"]}
    distances = squareform(np.where(np.eye(len(A), dtype=bool), 0, 1 - A), checks=False)
    for method in ("ward", "weighted"):
        out[f"{method} linkage on the co-association"] = fcluster(linkage(distances, method), k, "maxclust")
    out["spectral on the co-association"] = spectral_cut(A, k, seed)
    for m in (15, 30, 60):
        out[f"spectral on a {m}-neighbour graph"] = spectral_cut(knn_graph(E, m), k, seed)
    out["spectral on all cosines (negative to 0)"] = spectral_cut(np.maximum(E @ E.T, 0), k, seed)
    out["spectral on 30 neighbours × co-association"] = spectral_cut(knn_graph(E, 30).multiply(sp.csr_matrix(A)), k, seed)
    if has_networkx:
        for m in (15, 30):
            out[f"Louvain on a {m}-neighbour graph, resolution for k"] = louvain_with_k(knn_graph(E, m), k, seed)
        strong = np.where(A >= 0.5, A, 0)
        out["Louvain on co-association ≥ 0.5"] = louvain_with_k(strong, k, seed)
    out["spectral on a 30-neighbour graph of CSLS (hubness-corrected) similarities"] = spectral_cut(csls_graph(E, 30), k, seed)
    out["k-means consensus on the TF-IDF rows (no LSA)"] = average_linkage_cut(co_association(kmeans_runs(normalize(X), k, seed)), k)
    out["self-training: logistic regression on the central 80 %, 2 passes"] = self_training(X, A, v["assigned"], 0.8, 10.0, 2)
    out["self-training: the same on the central 50 %, 1 pass"] = self_training(X, A, v["assigned"], 0.5, 10.0, 1)
    out["iterative classification (Rakib et al. 2020), at most 20 rounds"] = iterative_classification(X, E, v["assigned"], seed)
    return out


def vectorizer_variants(texts, k, seed):
    """scikit-learn's recipe with the weighting or the features changed, consensus at k."""
    counts = CountVectorizer(max_df=0.5, min_df=2, stop_words="english").fit_transform(texts).astype(float).tocsr()
    n = counts.shape[0]
    if n < 100 or counts.shape[1] < 400:
        return {}  # too few talks or words for LSA 100 and 200 word clusters
    df = np.asarray((counts > 0).sum(0)).ravel()
    idf = sp.diags(np.log((1 + n) / (1 + df)) + 1)
    lengths = np.asarray(counts.sum(1)).ravel()
    mean_length = lengths.mean()

    def weighted(tf):
        tf = tf.tocoo()
        return lambda f: normalize(sp.csr_matrix((f(tf.data, lengths[tf.row]), (tf.row, tf.col)), shape=tf.shape) @ idf)

    X = weighted(counts)(lambda tf, _: 1 + np.log(tf))
    svd = TruncatedSVD(100, random_state=0).fit(X)
    word_vectors = normalize(svd.components_.T * svd.singular_values_)
    word_cluster = KMeans(200, n_init=1, random_state=0).fit(word_vectors).labels_
    membership = sp.csr_matrix((np.ones(len(word_cluster)), (np.arange(len(word_cluster)), word_cluster)), shape=(len(word_cluster), 200))
    word_clusters = normalize(X @ membership)
    chars = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), min_df=2, max_df=0.5, sublinear_tf=True).fit_transform(texts)
    views = {
        "scikit-learn recipe (sublinear TF-IDF, LSA 100), consensus": X,
        "word clusters (200, k-means on LSA term vectors) as features": word_clusters,
        "TF-IDF + word clusters at weight 0.5": normalize(sp.hstack([X, 0.5 * sp.csr_matrix(word_clusters)]).tocsr()),
        "BM25 term frequency (k1 1.2, b 0.75)": weighted(counts)(lambda tf, length: tf * 2.2 / (tf + 1.2 * (0.25 + 0.75 * length / mean_length))),
        "length-normalised log tf, log(1 + tf · mean length / length)": weighted(counts)(lambda tf, length: np.log1p(tf * mean_length / length)),
        "character 3–5-grams within words": chars,
        "words + character 3–5-grams": normalize(sp.hstack([X, chars]).tocsr()),
    }
    views["stop words kept"] = TfidfVectorizer(max_df=0.5, min_df=2, sublinear_tf=True).fit_transform(texts)
    views["stop words kept, word pairs added"] = TfidfVectorizer(max_df=0.5, min_df=2, sublinear_tf=True, ngram_range=(1, 2)).fit_transform(texts)
    out = {}
    for name, V in views.items():
        Z = normalize(TruncatedSVD(min(100, V.shape[1] - 1, n - 1), random_state=0).fit_transform(V))
        out[name] = average_linkage_cut(co_association(kmeans_runs(Z, k, seed)), k)
    topics = LatentDirichletAllocation(k, learning_method="batch", max_iter=50, random_state=seed, doc_topic_prior=0.1).fit_transform(counts)
    out["LDA with k topics, each talk to its largest"] = topics.argmax(1)
    many = LatentDirichletAllocation(100, learning_method="batch", max_iter=30, random_state=seed, doc_topic_prior=0.1).fit_transform(counts)
    out["LDA with 100 topics as features (Hellinger rows), consensus"] = average_linkage_cut(co_association(kmeans_runs(normalize(np.sqrt(many)), k, seed)), k)
    out["spectral co-clustering of talks and words (Dhillon 2001)"] = SpectralCoclustering(k, random_state=seed).fit(X).row_labels_
    return out


def ceiling(v):
    E, y, k, names = v["E"], v["y"], v["k"], v["names"]
    centroids = normalize(np.array([E[y == c].mean(0) for c in range(k)]))
    nearest = (E @ centroids.T).argmax(1)
    print(f"  nearest true centroid (resubstitution): accuracy {np.mean(nearest == y):.3f}, NMI {nmi(y, nearest):.3f}")
    from_truth = KMeans(k, init=centroids, n_init=1).fit(E).labels_
    print(f"  k-means started from the true centroids: NMI {nmi(y, from_truth):.3f}")
    big = np.bincount(y)[y] >= 5
    if len(set(y[big])) < 2:
        print("  (fewer than two areas of 5 talks: no cross-validation)")
        return
    folds = StratifiedKFold(5, shuffle=True, random_state=0)
    predicted = cross_val_predict(NearestCentroid(), E[big], y[big], cv=folds)
    print(f"  5-fold cross-validated nearest centroid: accuracy {np.mean(predicted == y[big]):.3f}, NMI {nmi(y[big], predicted):.3f}"
          f" (the atlas on the same talks {nmi(y[big], v['assigned'][big]):.3f})")
    regression = cross_val_predict(LogisticRegression(C=10, max_iter=2000), v["X"][big], y[big], cv=folds)
    print(f"  5-fold cross-validated logistic regression on the atlas's TF-IDF rows: accuracy {np.mean(regression == y[big]):.3f}, NMI {nmi(y[big], regression):.3f}")
    confusion = np.zeros((k, k), int)
    for truth, guess in zip(y[big], predicted):
        confusion[truth, guess] += 1
    print("  area (talks): cross-validated recall, most confused with")
    for a in np.argsort(-np.bincount(y, minlength=k)):
        if confusion[a].sum() == 0:
            continue
        row = confusion[a].copy()
        recall = row[a] / row.sum()
        row[a] = 0
        other = int(np.argmax(row))
        print(f"    {names[a][:48]:48s} ({np.sum(y == a):3d}): {recall:.2f}, {names[other][:40]} ({row[other]})")


def main():
    args = sys.argv[1:]
    if not args or args[0].startswith("--") or not os.path.isdir(args[0]):
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    directory = args[0]
    option = lambda flag, default: args[args.index(flag) + 1] if flag in args else default
    seeds = [int(s) for s in option("--seeds", "42").split(",")]
    parts = option("--part", "ceiling,graphs,vectorizers").split(",")
    only = option("--only", "")
    only = [o for o in only.split(",") if o]
    first = f"{directory}/vectors-{seeds[0]}"
    if not os.path.isdir(first):
        print(f"{first} not found: run node scripts/atlas-vectors.mjs {directory} --seed {seeds[0]} first", file=sys.stderr)
        sys.exit(2)
    try:
        import networkx  # noqa: F401

        has_networkx = True
    except ImportError:
        has_networkx = False
        print("networkx not installed: the Louvain rows are left out (apt-get install python3-networkx)", file=sys.stderr)
    corpora = sorted(f[: -len(".meta.json")] for f in os.listdir(first) if f.endswith(".meta.json"))
    if not corpora:
        print(f"no corpora in {first}: run node scripts/atlas-vectors.mjs {directory} --seed {seeds[0]} first", file=sys.stderr)
        sys.exit(2)
    for name in corpora:
        if only and not any(o in name for o in only):
            continue
        print(f"{name}")
        if "ceiling" in parts:
            ceiling(load_vectors(first, name))
        figures = {}
        for seed in seeds:
            if "graphs" in parts:
                v = load_vectors(f"{directory}/vectors-{seed}", name)
                if v["runs"].size == 0 or v["k"] < 2:
                    continue
                for variant, labels in graph_variants(v, seed, has_networkx).items():
                    figures.setdefault(variant, []).append(nmi(v["y"], labels))
            if "vectorizers" in parts:
                talks = json.load(open(f"{directory}/{name}.json"))["talks"]
                truth = sorted({t["theme"] for t in talks})
                y = np.array([truth.index(t["theme"]) for t in talks])
                if len(truth) < 2:
                    continue
                for variant, labels in vectorizer_variants([t["title"] + "\n" + t["abstract"] for t in talks], len(truth), seed).items():
                    figures.setdefault(variant, []).append(nmi(y, labels))
        for variant, values in figures.items():
            print(f"  {variant:74s} {values[0]:.3f}" + (f"  (mean {np.mean(values):.3f})" if len(values) > 1 else ""), flush=True)


if __name__ == "__main__":
    main()
