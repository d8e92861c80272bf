#!/usr/bin/python3
"""scikit-learn reference pipeline on a talks JSON file, for `npm run bench`.

Same recipe as the scale anchor: TfidfVectorizer(max_df=0.5, min_df=2, stop_words='english',
sublinear_tf=True) -> TruncatedSVD(100) -> L2 normalise -> KMeans(k, n_init=1), on
"title abstract" of every talk in a file written by `npm run bench -- --emit` (or any
`{"talks": [...]}` / `[...]` file with title and abstract).

Usage: /usr/bin/python3 bench/sklearn_on_file.py talks.json [--k 100] [--dims 100] [--seed 0]

Prints one line per stage, then a last line `RESULT {json}` that the bench parses.
"""
import argparse
import json
import resource
import sys
import time

started = time.perf_counter()
from sklearn.cluster import KMeans  # noqa: E402
from sklearn.decomposition import TruncatedSVD  # noqa: E402
from sklearn.feature_extraction.text import TfidfVectorizer  # noqa: E402
from sklearn.preprocessing import normalize  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file")
    parser.add_argument("--k", type=int, default=100)
    parser.add_argument("--dims", type=int, default=100)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    imported = time.perf_counter()

    with open(args.file, encoding="utf-8") as handle:
        data = json.load(handle)
    talks = data["talks"] if isinstance(data, dict) else data
    docs = [f"{talk.get('title', '')} {talk.get('abstract', '')}" for talk in talks]
    read = time.perf_counter()
    read_cpu = time.process_time()
    print(f"{len(docs)} docs, {sum(len(d) for d in docs) / 1e6:.1f} MB of text, read in {read - imported:.2f}s")

    matrix = TfidfVectorizer(max_df=0.5, min_df=2, stop_words="english", sublinear_tf=True).fit_transform(docs)
    vectorised = time.perf_counter()
    print(f"tfidf {matrix.shape} nnz={matrix.nnz} {vectorised - read:.2f}s")

    dims = min(args.dims, matrix.shape[1] - 1)
    embedding = normalize(TruncatedSVD(dims, random_state=args.seed).fit_transform(matrix))
    reduced = time.perf_counter()
    print(f"svd({dims}) {reduced - vectorised:.2f}s")

    k = min(args.k, len(docs))
    model = KMeans(k, n_init=1, random_state=args.seed).fit(embedding)
    clustered = time.perf_counter()
    clustered_cpu = time.process_time()
    print(f"kmeans k={k} {clustered - reduced:.2f}s, pipeline {clustered - read:.2f}s")

    result = {
        "talks": len(docs),
        "terms": matrix.shape[1],
        "nnz": int(matrix.nnz),
        "importSeconds": imported - started,
        "readSeconds": read - imported,
        "tfidfSeconds": vectorised - read,
        "svdSeconds": reduced - vectorised,
        "kmeansSeconds": clustered - reduced,
        "pipelineSeconds": clustered - read,
        # CPU time of all threads (BLAS may use both cores), user + system.
        "pipelineCpuSeconds": clustered_cpu - read_cpu,
        # The whole process so far (interpreter start and imports included), all threads.
        "processCpuSeconds": sum(resource.getrusage(resource.RUSAGE_SELF)[:2]),
        "inertia": float(model.inertia_),
        "iterations": int(model.n_iter_),
        # ru_maxrss is in KiB on Linux.
        "peakRssMB": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }
    # Quality next to speed: NMI against the talks' own labels (synthetic `topic`, FOSDEM
    # `track`) when every talk has one; computed after the timings.
    truth = [talk.get("topic") or talk.get("track") for talk in talks]
    if all(truth):
        from sklearn.metrics import normalized_mutual_info_score  # noqa: E402

        result["nmi"] = float(normalized_mutual_info_score(truth, model.labels_))
    print("RESULT " + json.dumps(result))


if __name__ == "__main__":
    sys.exit(main())
