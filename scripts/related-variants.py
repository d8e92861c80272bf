#!/usr/bin/env python3
"""Related precision@5 of variants of the related-talk ranking, on the parts that
scripts/related-dump.mjs writes (docs/quality.md, "Related talks: other evidence beside the
LSA cosine"):

    TALKATLAS_EVAL_SEED=S node scripts/eval.mjs --dump DIR_S --rows none      (S = 42, 1, 7)
    node --import tsx scripts/related-dump.mjs DIR_S --seed S
    /usr/bin/python3 scripts/related-variants.py DIR_42/related-42 DIR_1/related-1 DIR_7/related-7 \
        [--only name,...] [--variants name,...]

The shipped score (cosine.ts) of talks i and j is (1 - c) * (0.5 * lsa + 0.5 * tfidf) + c * co,
c = 1/3 when the atlas has runs (co = share of the runs that put both talks in one cluster);
lists are its top 5, ties to the lower id rank. The "shipped" rows reproduce the eval's figures
to the digit. Every variant changes the score matrix and is scored the same way. Prints a
Markdown table: the shipped figures at every seed (true k / automatic k), then per variant its
figures at the first seed and the change of the mean over all seeds (thousandths).
Needs NumPy and SciPy (Debian: python3-sklearn brings both; scikit-learn itself is not used).
"""
import argparse
import json
import os
import re

import numpy as np
import scipy.sparse as sp

CORPORA = [
    ("lpc-networking-bpf", "LPC"), ("ml-workshop", "ML"), ("fosdem-2025_all_", "F25"),
    ("workshop-12", "W12"), ("four-topics-20", "F20"), ("fosdem-2025_topical_", "topical"), ("fosdem-2024", "F24"), ("emnlp-2020", "EMNLP"),
    ("emnlp-2020_3_areas", "E3"), ("35c3_topical_", "35C3"), ("fosdem-2025_8_tracks", "F8"),
]


def read(prefix, suffix, dtype):
    return np.fromfile(f"{prefix}.{suffix}", dtype=dtype)


class Parts:
    """The arrays of one atlas, and the similarity matrices derived from them (cached)."""

    def __init__(self, prefix):
        meta = json.load(open(f"{prefix}.meta.json"))
        self.meta, self.n = meta, meta["n"]
        n = self.n
        self.embedding = read(prefix, "emb.f32", np.float32).reshape(n, meta["d"]).astype(np.float64)
        self.atlas_embedding = read(prefix, "aemb.f32", np.float32).reshape(n, -1).astype(np.float64)
        csr = lambda tag: sp.csr_matrix(
            (read(prefix, f"{tag}dat.f32", np.float32).astype(np.float64), read(prefix, f"{tag}ind.i32", np.int32), read(prefix, f"{tag}ptr.i32", np.int32)),
            shape=(n, meta["nCols"]))
        self.weighted, self.tfidf = csr("w"), csr("m")
        self.runs = read(prefix, "ens.i32", np.int32).reshape(meta["runs"], n) if meta["runs"] else None
        self.tie = read(prefix, "tie.i32", np.int32)
        start = read(prefix, "sstart.i32", np.int32)
        self.words = sp.csc_matrix((read(prefix, "sfreq.f32", np.float32).astype(np.float64), read(prefix, "stalks.i32", np.int32), start), shape=(n, len(start) - 1)).tocsr()
        self.lengths = read(prefix, "slen.f32", np.float32).astype(np.float64)
        codes = {label: c for c, label in enumerate(sorted(set(meta["truth"])))}
        self.truth = np.array([codes[label] for label in meta["truth"]])
        self.cache = {}

    def get(self, key, compute):
        if key not in self.cache:
            self.cache[key] = compute()
        return self.cache[key]

    @property
    def lsa(self):
        return self.get("lsa", lambda: self.embedding @ self.embedding.T)

    @property
    def cos_tfidf(self):
        return self.get("tfidf", lambda: (self.weighted @ self.weighted.T).toarray())

    @property
    def co(self):
        return self.get("co", lambda: None if self.runs is None else coassociation(self.runs, self.n))


def coassociation(runs, n, weights=None):
    together = np.zeros((n, n))
    for r, labels in enumerate(runs):
        together += (1.0 if weights is None else weights[r]) * (labels[:, None] == labels[None, :])
    return together / (len(runs) if weights is None else 1.0)


def blend(parts, lsa=None, tfidf=None, co=None, tfidf_share=0.5, co_share=1 / 3):
    lsa = parts.lsa if lsa is None else lsa
    tfidf = parts.cos_tfidf if tfidf is None else tfidf
    co = parts.co if co is None else co
    score = (1 - tfidf_share) * lsa + tfidf_share * tfidf
    return score if parts.runs is None else (1 - co_share) * score + co_share * co


def precision_at_5(parts, score):
    score = score.copy()
    np.fill_diagonal(score, -np.inf)
    n = parts.n
    order = np.lexsort((np.broadcast_to(parts.tie, (n, n)), -score), axis=1)[:, :5]
    return float((parts.truth[order] == parts.truth[:, None]).sum()) / (n * 5)


# ------------------------------------------------------------------------------ evidence

def top_mean(score, k):
    score = score.copy()
    np.fill_diagonal(score, -np.inf)
    return np.sort(score, axis=1)[:, -k:].mean(1)


def bm25(parts, binary=False, k1=1.2, b=0.75):
    """BM25 of talk j for the words of talk i (the search index's words, every one), divided by
    talk i's score for itself, then the mean of both directions."""
    def compute():
        words = parts.words.tocoo()
        n = parts.n
        df = np.bincount(words.col, minlength=parts.words.shape[1])
        idf = np.log(1 + (n - df + 0.5) / (df + 0.5))
        tf = words.data
        length = parts.lengths[words.row] / parts.lengths.mean()
        saturated = (tf > 0).astype(float) if binary else tf * (k1 + 1) / (tf + k1 * (1 - b + b * length))
        docs = sp.csr_matrix((saturated, (words.row, words.col)), shape=parts.words.shape)
        queries = sp.csr_matrix((idf[words.col], (words.row, words.col)), shape=parts.words.shape)
        score = (queries @ docs.T).toarray()
        score /= np.maximum(np.diag(score)[:, None], 1e-12)
        return 0.5 * (score + score.T)
    return parts.get(("bm25", binary), compute)


def vocabulary_overlap(parts):
    """idf-weighted share of talk i's TF-IDF terms that talk j has, both directions averaged."""
    def compute():
        present = parts.tfidf.copy()
        present.data[:] = 1
        n = parts.n
        df = np.asarray(present.sum(0)).ravel()
        idf = np.log(1 + (n - df + 0.5) / (df + 0.5))
        score = (present.multiply(idf[None, :]).tocsr() @ present.T).toarray()
        score /= np.maximum(np.diag(score)[:, None], 1e-12)
        return 0.5 * (score + score.T)
    return parts.get("overlap", compute)


def ranks(score):
    score = score.copy()
    np.fill_diagonal(score, -np.inf)
    order = np.argsort(-score, axis=1, kind="stable")
    rank = np.empty_like(order)
    rank[np.arange(len(score))[:, None], order] = np.arange(len(score))[None, :]
    return rank


def k_reciprocal(parts, k, weight):
    """Jaccard similarity of the k-reciprocal neighbour sets (Zhong et al., "Re-ranking person
    re-identification with k-reciprocal encoding", CVPR 2017), mixed into the score."""
    score = blend(parts)
    n = parts.n
    rank = ranks(score)
    near = rank < k
    mutual = near & near.T
    np.fill_diagonal(mutual, True)
    vectors = np.where(mutual, np.exp(score), 0.0)
    vectors /= vectors.sum(1, keepdims=True)
    shared = np.zeros((n, n))
    for i in range(n):
        shared[i] = np.minimum(vectors[i][None, :], vectors).sum(1)
    return (1 - weight) * score + weight * shared / (2 - shared)


def soft_coassociation(parts, tau):
    """Co-association with soft memberships: in every run, a talk belongs to each cluster by
    softmax(cosine to the cluster's mean / tau); two talks' share is the dot product."""
    def compute():
        x = parts.atlas_embedding / np.linalg.norm(parts.atlas_embedding, axis=1, keepdims=True)
        together = np.zeros((parts.n, parts.n))
        for labels in parts.runs:
            means = np.zeros((labels.max() + 1, x.shape[1]))
            np.add.at(means, labels, x)
            means /= np.maximum(np.linalg.norm(means, axis=1, keepdims=True), 1e-12)
            z = (x @ means.T) / tau
            z = np.exp(z - z.max(1, keepdims=True))
            z /= z.sum(1, keepdims=True)
            together += z @ z.T
        return together / len(parts.runs)
    return parts.get(("soft", tau), compute)


def adjusted_rand(a, b):
    n = len(a)
    kb = b.max() + 1
    pairs = lambda counts: (counts * (counts - 1) / 2).sum()
    both = pairs(np.bincount(a * kb + b).astype(float))
    in_a, in_b = pairs(np.bincount(a).astype(float)), pairs(np.bincount(b).astype(float))
    expected = in_a * in_b / (n * (n - 1) / 2)
    mean = (in_a + in_b) / 2
    return 1.0 if mean == expected else (both - expected) / (mean - expected)


def run_quality(parts, power):
    """Each run weighted by its mean adjusted Rand index with the other runs, to a power."""
    runs = parts.runs
    agreement = np.zeros(len(runs))
    for r in range(len(runs)):
        agreement[r] = np.mean([adjusted_rand(runs[r], runs[s]) for s in range(len(runs)) if s != r])
    weights = np.maximum(agreement, 0) ** power
    return coassociation(runs, parts.n, weights / weights.sum())


def consensus_share(parts, share):
    """At the coarse scale, the 20 consensus runs weigh `share` of the co-association, the coarse runs the rest."""
    if parts.runs is None or len(parts.runs) == 20:
        return blend(parts)
    return blend(parts, co=share * coassociation(parts.runs[:20], parts.n) + (1 - share) * coassociation(parts.runs[20:], parts.n))


def unit_rows(x):
    return x / np.maximum(np.linalg.norm(x, axis=1, keepdims=True), 1e-12)


def with_co(parts, co):
    return blend(parts) if parts.runs is None else blend(parts, co=co(parts))


def mixed(weight, evidence):
    return lambda p: (1 - weight) * blend(p) + weight * evidence(p)


def hubs(beta, k=10):
    return lambda p: blend(p) - beta * top_mean(blend(p), k)[None, :]


def reciprocal_rank(weight, k0=10):
    return lambda p: blend(p) + weight / (k0 + ranks(blend(p)).T)


def centred(p):
    x = unit_rows(p.embedding - p.embedding.mean(0))
    return blend(p, lsa=x @ x.T)


def atlas_lsa(share):
    def score(p):
        x = unit_rows(p.atlas_embedding)
        return blend(p, lsa=(1 - share) * p.lsa + share * (x @ x.T))
    return score


def raw_tfidf(p):
    return p.get("raw", lambda: (p.tfidf @ p.tfidf.T).toarray())


def coarse_co_share(share):
    return lambda p: blend(p, co_share=share if p.meta["coarse"] else 1 / 3)


def rank_fusion(p, k0=20):
    parts = [p.lsa, p.cos_tfidf] + ([] if p.runs is None else [p.co + 1e-6 * p.lsa])
    return sum(1 / (k0 + ranks(x)) for x in parts) + 1e-3 * blend(p)


def adaptive_co(p):
    """A talk's co-association share scaled by how concentrated its co-association row is."""
    if p.runs is None:
        return blend(p)
    co = p.co.copy()
    np.fill_diagonal(co, 0)
    top = np.sort(co, axis=1)[:, -10:].mean(1)
    share = np.minimum((1 / 3) * np.clip(top / np.median(top), 0.5, 1.5), 0.6)[:, None]
    return (1 - share) * (0.5 * p.lsa + 0.5 * p.cos_tfidf) + share * p.co


def oracle(depth):
    """Not a method: the truth moves same-label talks of the first `depth` to the top (headroom of re-ranking)."""
    def score(p):
        base = blend(p)
        masked = base.copy()
        np.fill_diagonal(masked, -np.inf)
        within = ranks(masked) < depth
        return base + 10.0 * (within & (p.truth[:, None] == p.truth[None, :]))
    return score


VARIANTS = {
    "hub correction (CSLS) 0.1": hubs(0.1),
    "hub correction (CSLS) 0.25": hubs(0.25),
    "hub correction (CSLS) 0.5": hubs(0.5),
    "hub preference -0.1": hubs(-0.1),
    "reciprocal rank 0.05": reciprocal_rank(0.05),
    "k-reciprocal k 5, 0.2": lambda p: k_reciprocal(p, 5, 0.2),
    "k-reciprocal k 10, 0.1": lambda p: k_reciprocal(p, 10, 0.1),
    "k-reciprocal k 10, 0.3": lambda p: k_reciprocal(p, 10, 0.3),
    "k-reciprocal k 20, 0.2": lambda p: k_reciprocal(p, 20, 0.2),
    "centred LSA": centred,
    "BM25 of all words 5 %": mixed(0.05, bm25),
    "BM25 of all words 10 %": mixed(0.10, bm25),
    "BM25 of all words 20 %": mixed(0.20, bm25),
    "idf of shared words 5 %": mixed(0.05, lambda p: bm25(p, binary=True)),
    "idf of shared words 10 %": mixed(0.10, lambda p: bm25(p, binary=True)),
    "idf of shared vocabulary terms 5 %": mixed(0.05, vocabulary_overlap),
    "TF-IDF without topicality 5 %": mixed(0.05, raw_tfidf),
    "TF-IDF without topicality 10 %": mixed(0.10, raw_tfidf),
    "atlas embedding 30 % of the LSA part": atlas_lsa(0.3),
    "TF-IDF share 0.4": lambda p: blend(p, tfidf_share=0.4),
    "TF-IDF share 0.6": lambda p: blend(p, tfidf_share=0.6),
    "co-association share 0.28": lambda p: blend(p, co_share=0.28),
    "co-association share 0.4": lambda p: blend(p, co_share=0.4),
    "co-association share 0.38 at the coarse scale": coarse_co_share(0.38),
    "co-association share 0.43 at the coarse scale": coarse_co_share(0.43),
    "co-association share 0.5 at the coarse scale": coarse_co_share(0.5),
    "consensus runs 0 of the coarse co-association": lambda p: consensus_share(p, 0.0),
    "consensus runs 0.1 of it": lambda p: consensus_share(p, 0.1),
    "consensus runs 0.35 of it": lambda p: consensus_share(p, 0.35),
    "co-association ^1.5": lambda p: with_co(p, lambda q: q.co ** 1.5),
    "co-association ^0.75": lambda p: with_co(p, lambda q: q.co ** 0.75),
    "cosine x (1 + co-association)": lambda p: blend(p, co_share=0) * (1 + (0 if p.runs is None else p.co)),
    "runs weighted by agreement": lambda p: with_co(p, lambda q: run_quality(q, 1)),
    "runs weighted by agreement ^3": lambda p: with_co(p, lambda q: run_quality(q, 3)),
    "co-association share by row concentration": adaptive_co,
    "rank fusion (RRF) of the three": rank_fusion,
    "soft co-association tau 0.02": lambda p: with_co(p, lambda q: soft_coassociation(q, 0.02)),
    "soft co-association tau 0.035": lambda p: with_co(p, lambda q: soft_coassociation(q, 0.035)),
    "soft co-association tau 0.05": lambda p: with_co(p, lambda q: soft_coassociation(q, 0.05)),
    "soft co-association tau 0.1": lambda p: with_co(p, lambda q: soft_coassociation(q, 0.1)),
    "soft tau 0.035 + BM25 5 %": lambda p: 0.95 * with_co(p, lambda q: soft_coassociation(q, 0.035)) + 0.05 * bm25(p),
    "(oracle) truth re-ranks the top 10": oracle(10),
    "(oracle) truth re-ranks the top 20": oracle(20),
}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("directories", nargs="+", help="related-S directories of related-dump.mjs, the first seed first")
    parser.add_argument("--only", help="corpora whose name contains one of these (comma-separated)")
    parser.add_argument("--variants", help="variants whose name contains one of these (comma-separated)")
    args = parser.parse_args()
    corpora = [(name, short) for name, short in CORPORA if not args.only or any(part in name for part in args.only.split(","))]
    variants = {name: f for name, f in VARIANTS.items() if not args.variants or any(part in name for part in args.variants.split(","))}
    seeds = [re.sub(r"^related-", "", os.path.basename(os.path.normpath(d))) for d in args.directories]
    figures = {}  # (variant, seed, corpus, kind) -> precision@5
    for directory, seed in zip(args.directories, seeds):
        for name, _ in corpora:
            for kind in ("true", "auto"):
                prefix = os.path.join(directory, f"{name}.{kind}")
                if not os.path.exists(prefix + ".meta.json"):
                    continue
                parts = Parts(prefix)
                figures[("shipped", seed, name, kind)] = precision_at_5(parts, blend(parts))
                for variant, score in variants.items():
                    figures[(variant, seed, name, kind)] = precision_at_5(parts, score(parts))
    print_table(figures, seeds, corpora, variants)


def print_table(figures, seeds, corpora, variants):
    fmt = lambda x: "1" if x >= 0.9995 else f"{x:.3f}"[1:]
    cell = lambda variant, seed, name: " / ".join(fmt(figures[(variant, seed, name, kind)]) if (variant, seed, name, kind) in figures else "–" for kind in ("true", "auto"))
    print("| variant | seed | " + " | ".join(short for _, short in corpora) + " |")
    print("| --- | --- | " + " | ".join("---" for _ in corpora) + " |")
    for seed in seeds:
        print(f"| **shipped** | {seed} | " + " | ".join(cell("shipped", seed, name) for name, _ in corpora) + " |")
    for variant in variants:
        print(f"| {variant} | {seeds[0]} | " + " | ".join(cell(variant, seeds[0], name) for name, _ in corpora) + " |")
        def change(name, kind):
            keys = [(seed, name, kind) for seed in seeds if (variant, seed, name, kind) in figures]
            if not keys:
                return "–"
            return f"{1000 * np.mean([figures[(variant, *k)] - figures[('shipped', *k)] for k in keys]):+.0f}"
        print(f"| | Δ mean | " + " | ".join(f"{change(name, 'true')} / {change(name, 'auto')}" for name, _ in corpora) + " |")


if __name__ == "__main__":
    main()
