"""Hidden tests for bm25-scoring (pure Python)."""

from mlkata.judge.api import Rand, call, test

CORPUS = [
    "the cat sat on the mat".split(),
    "the dog chased the cat around the garden".split(),
    "a quiet garden".split(),
    "dogs and cats".split(),
]


def words(r, n, vocab):
    return [r.choice(vocab) for _ in range(n)]


@test
def small_corpus_default_parameters(bm25):
    # N = 4, avgdl = (6 + 8 + 3 + 3) / 4 = 5; "cat" is in 2 documents, "garden" in 2.
    return call(bm25, ["cat", "garden"], CORPUS)


@test
def idf_is_lucene_variant_for_common_terms(bm25):
    # "the" is in 3 of 4 documents: ln(1 + 1.5 / 3.5) > 0, while the classic
    # ln((N - n + 0.5) / (n + 0.5)) = ln(1.5 / 3.5) would be negative.
    return {
        "the": call(bm25, ["the"], CORPUS),
        "the mat": call(bm25, ["the", "mat"], CORPUS),
    }


@test
def repeated_query_terms_count_each_time(bm25):
    return {
        "cat twice": call(bm25, ["cat", "cat"], CORPUS),
        "cat twice, garden once": call(bm25, ["cat", "garden", "cat"], CORPUS),
    }


@test
def unseen_and_empty_queries_score_zero(bm25):
    return {
        "unseen term only": call(bm25, ["zebra"], CORPUS),
        "unseen term with a known one": call(bm25, ["zebra", "dog", "unicorn"], CORPUS),
        "empty query": call(bm25, [], CORPUS),
        "case matters": call(bm25, ["Cat", "THE"], CORPUS),
    }


@test
def document_frequency_counts_documents_not_occurrences(bm25):
    # "x" appears 6 times but in only 2 of the 5 documents: n_x = 2.
    docs = [["x", "x", "x", "x", "y"], ["x", "x", "z"], ["y", "z"], ["z", "w", "w"], ["y"]]
    return {"x": call(bm25, ["x"], docs), "x y w": call(bm25, ["x", "y", "w"], docs)}


@test
def k1_and_b_change_the_length_normalisation(bm25):
    r = Rand(6).py
    vocab = [f"t{i}" for i in range(12)]
    docs = [words(r, r.randint(2, 15), vocab) for _ in range(10)]
    query = ["t0", "t3", "t7", "t3"]
    return {
        "k1=1.2 b=0.75": call(bm25, query, docs, k1=1.2, b=0.75),
        "b=0 (no length normalisation)": call(bm25, query, docs, k1=1.5, b=0.0),
        "b=1 (full length normalisation)": call(bm25, query, docs, k1=1.5, b=1.0),
        "k1=0 (binary term frequency)": call(bm25, query, docs, k1=0.0, b=0.75),
        "k1=3 b=0.3": call(bm25, query, docs, k1=3.0, b=0.3),
    }


@test
def empty_documents_count_in_average_length(bm25):
    # Two empty documents: N = 5 and avgdl = 8 / 5; they score 0.
    docs = [["a", "b", "a"], [], ["b", "c", "c", "c", "a"], [], ["d"]]
    return {"a c": call(bm25, ["a", "c"], docs), "b": call(bm25, ["b"], docs, k1=2.0, b=0.9)}


@test
def single_document_corpus(bm25):
    # N = 1: every term of the corpus is in every document, and the Lucene IDF
    # ln(1 + 0.5 / 1.5) stays positive; |d| = avgdl.
    docs = [["a", "b", "a", "c"]]
    return {"a c": call(bm25, ["a", "c"], docs), "b z": call(bm25, ["b", "z"], docs, k1=1.2, b=0.5)}


@test
def large_corpus_within_time_limit(bm25):
    # 5000 documents of 20 to 40 tokens from a Zipf-like vocabulary of 400 terms.
    r = Rand(8).py
    vocab = [f"w{i}" for i in range(400)]
    cum, total = [], 0.0
    for i in range(400):
        total += 1.0 / (i + 1)
        cum.append(total)
    docs = [r.choices(vocab, cum_weights=cum, k=r.randint(20, 40)) for _ in range(5000)]
    query = ["w0", "w5", "w42", "w199", "w5", "w399", "missing"]
    return call(bm25, query, docs)
