# expect: passed
# Correct alternative: sorted-key selection during training, and a GPT-2 style encoder that repeatedly merges the lowest-ranked adjacent pair.
def bpe_train_and_encode(corpus, num_merges, words):
    freq = {}
    for w in corpus:
        freq[w] = freq.get(w, 0) + 1
    state = {w: tuple(w) for w in freq}
    merges = []
    while len(merges) < num_merges:
        counts = {}
        for w, syms in state.items():
            for k in range(len(syms) - 1):
                key = (syms[k], syms[k + 1])
                counts[key] = counts.get(key, 0) + freq[w]
        if not counts:
            break
        best = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
        merges.append(best)
        for w, syms in state.items():
            new, k = [], 0
            while k < len(syms):
                if syms[k : k + 2] == best:
                    new.append(best[0] + best[1])
                    k += 2
                else:
                    new.append(syms[k])
                    k += 1
            state[w] = tuple(new)
    rank = {m: r for r, m in enumerate(merges)}
    encodings = []
    for w in words:
        syms = list(w)
        while len(syms) > 1:
            cands = [(rank[(syms[k], syms[k + 1])], k) for k in range(len(syms) - 1) if (syms[k], syms[k + 1]) in rank]
            if not cands:
                break
            r, _ = min(cands)
            pair = merges[r]
            new, k = [], 0
            while k < len(syms):
                if k + 1 < len(syms) and (syms[k], syms[k + 1]) == pair:
                    new.append(pair[0] + pair[1])
                    k += 2
                else:
                    new.append(syms[k])
                    k += 1
            syms = new
        encodings.append(syms)
    return merges, encodings
