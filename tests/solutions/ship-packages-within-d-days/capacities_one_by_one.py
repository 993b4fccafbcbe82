# expect: time_limit large_input_within_time_limit
# Right answers, but tries every capacity from the heaviest package upwards: ~2.5 * 10^6 capacities on the large test.
def ship_within_days(weights: list[int], days: int) -> int:
    cap = max(weights)
    while True:
        count, load = 1, 0
        for w in weights:
            if load + w > cap:
                count += 1
                load = 0
                if count > days:
                    break
            load += w
        if count <= days:
            return cap
        cap += 1
