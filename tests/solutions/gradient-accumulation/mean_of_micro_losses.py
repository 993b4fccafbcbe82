# expect: wrong_answer returns_full_batch_loss
# Gradients right, but reports the unweighted mean of the micro-batch losses.
def accumulate_gradients(model, loss_fn, inputs, targets, micro_batch_size):
    model.zero_grad(set_to_none=True)
    n = inputs.size(0)
    losses = []
    for start in range(0, n, micro_batch_size):
        x = inputs[start : start + micro_batch_size]
        loss = loss_fn(model(x), targets[start : start + micro_batch_size])
        (loss * x.size(0) / n).backward()
        losses.append(loss.item())
    return sum(losses) / len(losses)
