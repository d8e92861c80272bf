#!/usr/bin/python3
"""scikit-learn k-means themes for `scripts/eval-compare.mjs`.

    /usr/bin/python3 scripts/eval-compare.py JOINT.json

JOINT.json is `{"k": K, "talks": [{"title", "abstract"}]}` (both editions, no labels). Prints
`{"labels": [...]}`: the k-means cluster of each talk with the recipe of the other anchors
(scripts/eval-anchors.py): TfidfVectorizer(sublinear_tf, min_df=2, max_df=0.5, English stop
words) on title + abstract, LSA(100), KMeans(K, n_init=10, random_state=0).
"""
import json
import sys

from sklearn.cluster import KMeans
from sklearn.decomposition import TruncatedSVD
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize


def main():
    data = json.load(open(sys.argv[1]))
    texts = [t["title"] + "\n" + t["abstract"] for t in data["talks"]]
    X = TfidfVectorizer(max_df=0.5, min_df=2, stop_words="english", sublinear_tf=True).fit_transform(texts)
    dims = min(100, X.shape[1] - 1, X.shape[0] - 1)
    Z = normalize(TruncatedSVD(dims, random_state=0).fit_transform(X))
    labels = KMeans(data["k"], n_init=10, random_state=0).fit(Z).labels_
    print(json.dumps({"labels": [int(label) for label in labels]}))


main()
