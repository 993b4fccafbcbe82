def rouge_l(candidate: str, reference: str, beta: float = 1.0) -> tuple[float, float, float]:
    """Return (precision, recall, f_beta) of ROUGE-L: the token LCS of candidate and reference.

    Tokens: str.split(), case-sensitive. (0.0, 0.0, 0.0) when a text is empty or the LCS is 0.
    """
    raise NotImplementedError
