# mistake: matches the number of distinct characters of the whole string: the substring must be contiguous
def length_of_longest_substring(s: str) -> int:
    return len(set(s))
