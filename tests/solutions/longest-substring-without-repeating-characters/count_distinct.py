# expect: wrong_answer classic_examples
# Returns the number of distinct characters in the whole string.
def length_of_longest_substring(s: str) -> int:
    return len(set(s))
