#!/usr/bin/python3
"""scikit-learn anchor figures for `npm run eval`, on any labelled talk corpus.

    /usr/bin/python3 scripts/eval-anchors.py CORPUS.json [--truth theme|track] [--drop-generic] [--groups N]

Prints one JSON object with the keys of the ANCHORS table in scripts/eval.mjs. The recipes
are scikit-learn's standard text pipeline, with the settings of the FOSDEM anchors in
docs/quality.md: TfidfVectorizer(sublinear_tf, min_df=2, max_df=0.5, English stop words) on
title + abstract; themes = LSA(100) + KMeans(k = number of labels, n_init=10); related =
TF-IDF cosine precision@5; zero-shot = TF-IDF cosine to the label name; few-shot = nearest
centroid of 3 random talks per label (5 draws); sessions = k-means clusters cut in runs of 4;
groups = LSA(100) + KMeans(k = N, n_init=10), N by default talkatlas's automatic group count
(the cube root of the talk count, rounded, within [3, 20]).
Needs Debian's python3-sklearn (`apt-get install python3-sklearn`).
"""
import json
import math
import random
import sys
from collections import defaultdict

import numpy as np
from sklearn import metrics
from sklearn.cluster import KMeans
from sklearn.decomposition import TruncatedSVD
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize

# Non-topical FOSDEM 2025 tracks, the same list as FOSDEM_GENERIC_TRACKS in scripts/eval.mjs.
FOSDEM_GENERIC_TRACKS = {
    "Keynotes", "Lightning Talks", "Main Track", "Main Track (K-building)", "Main Track - Janson",
    "Main Track - K Building", "BOF - Track A", "BOF - Track B", "BOF - Track C", "BOF/Unconference",
    "/dev/random", "Workshops", "Junior", "FOSDEM Junior",
}


def load(path, truth, drop_generic):
    data = json.load(open(path))
    talks = data if isinstance(data, list) else data["talks"]
    if drop_generic:
        talks = [t for t in talks if t.get("track") not in FOSDEM_GENERIC_TRACKS]
    if truth is None:
        truth = next(f for f in ("theme", "track") if all(isinstance(t.get(f), str) for t in talks))
    return talks, np.array([t[truth] for t in talks])


def precision_at(X, labels, k=5):
    S = (X @ X.T).toarray()
    np.fill_diagonal(S, -np.inf)
    top = np.argsort(-S, axis=1)[:, :k]
    return float(np.mean(labels[top] == labels[:, None]))


def pair_purity(groups, labels):
    same = total = 0
    for g in groups:
        for a in range(len(g)):
            for b in range(a + 1, len(g)):
                total += 1
                same += labels[g[a]] == labels[g[b]]
    return same / total if total else float("nan")


def main():
    args = sys.argv[1:]
    truth = args[args.index("--truth") + 1] if "--truth" in args else None
    talks, labels = load(args[0], truth, "--drop-generic" in args)
    names = sorted(set(labels))
    k = len(names)
    vec = TfidfVectorizer(max_df=0.5, min_df=2, stop_words="english", sublinear_tf=True)
    X = vec.fit_transform([t["title"] + "\n" + t["abstract"] for t in talks])
    dims = min(100, X.shape[1] - 1, X.shape[0] - 1)
    Z = normalize(TruncatedSVD(dims, random_state=0).fit_transform(X))
    km = KMeans(k, n_init=10, random_state=0).fit(Z)
    out = {
        "talks": len(talks),
        "labels": k,
        "themesNmi": metrics.normalized_mutual_info_score(labels, km.labels_),
        "themesAri": metrics.adjusted_rand_score(labels, km.labels_),
        "themesV": metrics.v_measure_score(labels, km.labels_),
        "autoK": k,
        "related": precision_at(X, labels),
    }
    S = (X @ vec.transform(names).T).toarray()
    out["zeroShot"] = float(np.mean(np.array(names)[S.argmax(1)] == labels))
    rng = random.Random(0)
    accuracies = []
    for _ in range(5):
        by = defaultdict(list)
        for i, label in enumerate(labels):
            by[label].append(i)
        train = {label: rng.sample(v, min(3, len(v))) for label, v in by.items()}
        held = {i for v in train.values() for i in v}
        C = normalize(np.vstack([np.asarray(X[train[label]].mean(0)) for label in names]))
        predicted = np.array(names)[np.asarray(X @ C.T).argmax(1)]
        test = [i for i in range(len(talks)) if i not in held]
        accuracies.append(np.mean(predicted[test] == labels[test]))
    out["fewShot"] = float(np.mean(accuracies))
    sessions = []
    for c in range(k):
        members = [i for i in range(len(talks)) if km.labels_[i] == c]
        sessions += [members[j:j + 4] for j in range(0, len(members), 4)]
    out["sessions"] = pair_purity(sessions, labels)
    # talkatlas's autoGroupCount (rounding half up, as JavaScript's Math.round does).
    groups = int(args[args.index("--groups") + 1]) if "--groups" in args else min(20, max(3, math.floor(len(talks) ** (1 / 3) + 0.5)))
    km_groups = KMeans(groups, n_init=10, random_state=0).fit(Z)
    out["groups"] = groups
    out["groupsNmi"] = metrics.normalized_mutual_info_score(labels, km_groups.labels_)
    print(json.dumps({key: round(v, 3) if isinstance(v, float) else v for key, v in out.items()}))


main()
