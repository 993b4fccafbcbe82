# expect: wrong_answer uneven_last_micro_batch
# Divides every micro-batch loss by the number of micro-batches: right only when m divides N.
import math


def accumulate_gradients(model, loss_fn, inputs, targets, micro_batch_size):
    model.zero_grad(set_to_none=True)
    n = inputs.size(0)
    k = math.ceil(n / micro_batch_size)
    total = 0.0
    for start in range(0, n, micro_batch_size):
        loss = loss_fn(model(inputs[start : start + micro_batch_size]), targets[start : start + micro_batch_size]) / k
        loss.backward()
        total += loss.item()
    return total
