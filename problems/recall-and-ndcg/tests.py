"""Hidden tests for recall-and-ndcg (pure Python)."""

from mlkata.judge.api import Rand, call, test


@test
def single_query_binary_relevance(metrics):
    # Relevant: d2, d5, d7 (grade 1); only d2 is retrieved, at rank 2. k = 4: recall 1/3
    # (not 1/4), DCG = 1/log2(3), IDCG = 1 + 1/log2(3) + 1/log2(4).
    return call(metrics, [["d1", "d2", "d3", "d4"]], [{"d2": 1, "d5": 1, "d7": 1}], 4)


@test
def graded_relevance_uses_exponential_gain(metrics):
    # Grades 3, 1 and 2: gains 7, 1 and 3 (not 3, 1, 2).
    ranking = [["a", "b", "c", "d"]]
    return {
        "a=1 b=3 d=2": call(metrics, ranking, [{"a": 1, "b": 3, "d": 2}], 4),
        "perfect order": call(metrics, [["b", "d", "a", "c"]], [{"a": 1, "b": 3, "d": 2}], 4),
    }


@test
def ideal_ranking_includes_unretrieved_documents(metrics):
    # The best documents (x: 3, y: 2) were never retrieved; the ideal DCG still counts them.
    return call(metrics, [["p", "q", "r"]], [{"q": 1, "x": 3, "y": 2, "r": 1}], 3)


@test
def only_the_top_k_count(metrics):
    return {
        "relevant documents below rank k": call(metrics, [["a", "b", "c", "d", "e", "f"]], [{"b": 2, "e": 1, "f": 3}], 2),
        "ranking shorter than k": call(metrics, [["a", "b"]], [{"b": 1, "c": 2}], 5),
        "more relevant documents than k": call(metrics, [["a", "b", "c"]], [{"a": 1, "b": 1, "c": 1, "d": 1}], 2),
    }


@test
def grade_zero_is_not_relevant(metrics):
    # "n1" and "n2" are judged but not relevant: they do not count in recall's denominator.
    return call(metrics, [["n1", "r1", "n2", "r2"]], [{"n1": 0, "r1": 2, "n2": 0, "r2": 1, "n3": 0}], 3)


@test
def empty_ranking_counts_as_zero(metrics):
    # The first query retrieved nothing but has a relevant document: recall 0 and NDCG 0 for it,
    # and it still counts in both means.
    return {
        "empty ranking among others": call(metrics, [[], ["a", "b"]], [{"x": 2}, {"b": 1}], 2),
        "only an empty ranking": call(metrics, [[]], [{"x": 1, "y": 3}], 3),
    }


@test
def queries_without_relevant_documents_are_skipped(metrics):
    rankings = [["a", "b"], ["c", "d"], ["e", "f"], ["g"]]
    relevance = [{"b": 1}, {}, {"e": 0, "f": 0}, {"g": 2, "h": 1}]
    return {
        "two of four queries count": call(metrics, rankings, relevance, 2),
        "no query has a relevant document": call(metrics, [["a"], ["b"]], [{}, {"b": 0}], 1),
    }


@test
def mean_over_many_queries(metrics):
    r = Rand(7).py
    docs = [f"doc{i}" for i in range(40)]
    rankings, relevance = [], []
    for _ in range(30):
        rankings.append(r.sample(docs, r.randint(0, 15)))
        judged = r.sample(docs, r.randint(0, 10))
        relevance.append({d: r.randint(0, 3) for d in judged})
    return {f"k={k}": call(metrics, rankings, relevance, k) for k in (1, 5, 10, 20)}
