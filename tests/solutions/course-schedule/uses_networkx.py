# expect: forbidden_api prerequisite_comes_first
# Uses networkx's lexicographical topological sort, which the problem forbids (standard library only).
import networkx as nx


def find_order(num_courses, prerequisites):
    g = nx.DiGraph()
    g.add_nodes_from(range(num_courses))
    g.add_edges_from((b, a) for a, b in prerequisites)
    try:
        return list(nx.lexicographical_topological_sort(g))
    except nx.NetworkXUnfeasible:
        return []
