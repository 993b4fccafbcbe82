# expect: wrong_answer even_split_matches_full_batch_gradient
# Backpropagates each micro-batch mean as is: the gradient is k times the full-batch one.
def accumulate_gradients(model, loss_fn, inputs, targets, micro_batch_size):
    model.zero_grad(set_to_none=True)
    n = inputs.size(0)
    losses = []
    for start in range(0, n, micro_batch_size):
        loss = loss_fn(model(inputs[start : start + micro_batch_size]), targets[start : start + micro_batch_size])
        loss.backward()
        losses.append(loss.item() * min(micro_batch_size, n - start))
    return sum(losses) / n
