"""Hidden tests for adamw-step."""

from torch import nn

from mlkata.judge.api import Rand, WrongAnswer, set_param, test


def make_params(seed, shapes=((3, 4), (4,))):
    r = Rand(seed)
    return [r.randn(*s).requires_grad_(True) for s in shapes]


def grads_for(params, seed, scale=1.0):
    r = Rand(seed)
    return [r.randn(*p.shape, scale=scale) for p in params]


def step(opt, params, grads):
    for p, g in zip(params, grads):
        p.grad = None if g is None else g.clone()
    opt.step()


def snapshot(params, names=None):
    names = names or [f"param[{i}]" for i in range(len(params))]
    return {n: p.detach().clone() for n, p in zip(names, params)}


@test
def single_step_matches_reference(cls):
    # t = 1: bias correction turns the update into about lr * sign(g).
    params = make_params(1)
    opt = cls(params, lr=0.01, weight_decay=0.0)
    step(opt, params, grads_for(params, 10))
    return snapshot(params)


@test
def several_steps_match_reference(cls):
    params = make_params(2)
    # No weight decay here: only the moments and the bias correction over 5 steps.
    opt = cls(params, lr=0.01, weight_decay=0.0)
    for i in range(5):
        step(opt, params, grads_for(params, 20 + i))
    return snapshot(params)


@test
def weight_decay_is_decoupled(cls):
    # Large decay: AdamW shrinks p by (1 - lr * wd); Adam + L2 (wd * p added to g) differs.
    params = make_params(3)
    opt = cls(params, lr=0.05, weight_decay=0.5)
    for i in range(3):
        step(opt, params, grads_for(params, 30 + i))
    return snapshot(params)


@test
def eps_outside_square_root(cls):
    # Gradients ~1e-6: sqrt(v_hat) + eps and sqrt(v_hat + eps) differ by a factor ~100.
    params = make_params(4)
    opt = cls(params, lr=0.01, weight_decay=0.0)
    for i in range(3):
        step(opt, params, grads_for(params, 40 + i, scale=1e-6))
    return snapshot(params)


@test
def custom_betas_and_lr(cls):
    params = make_params(5, shapes=((2, 3), (3,), (1,)))
    opt = cls(params, lr=0.03, betas=(0.8, 0.99), eps=1e-6, weight_decay=0.1)
    for i in range(4):
        step(opt, params, grads_for(params, 50 + i))
    return snapshot(params)


@test
def params_without_grad_are_skipped(cls):
    # params[1] has no gradient for two steps (unchanged, no decay), then gets one: its own
    # step count is 1 at that point, not 3.
    params = make_params(6)
    opt = cls(params, lr=0.02, weight_decay=0.1)
    for i in range(4):
        grads = grads_for(params, 60 + i)
        if i < 2:
            grads[1] = None
        step(opt, params, grads)
        if i == 1:
            after_two = params[1].detach().clone()
    return {"param[1] after 2 steps without grad": after_two, **snapshot(params)}


@test
def accepts_parameter_generator(cls):
    # model.parameters() is a generator: it can be iterated only once.
    model = nn.Linear(3, 2)
    r = Rand(7)
    set_param(model, "weight", r.randn(2, 3))
    set_param(model, "bias", r.randn(2))
    opt = cls(model.parameters(), lr=0.05, weight_decay=0.01)
    x, y = r.randn(5, 3), r.randn(5, 2)
    for _ in range(3):
        opt.zero_grad()
        loss = ((model(x) - y) ** 2).mean()
        loss.backward()
        opt.step()
    return {"weight": model.weight.detach().clone(), "bias": model.bias.detach().clone()}


@test
def zero_grad_sets_grads_to_none(cls):
    params = make_params(8)
    opt = cls(params)
    step(opt, params, grads_for(params, 80))
    if not hasattr(opt, "zero_grad"):
        raise WrongAnswer("AdamW has no zero_grad method")
    opt.zero_grad()
    return {"grads after zero_grad": [None if p.grad is None else p.grad.clone() for p in params]}


@test
def step_leaves_grads_unchanged(cls):
    # The caller may read p.grad after step() (gradient clipping logs, accumulation checks).
    params = make_params(9)
    opt = cls(params, lr=0.01, weight_decay=0.1)
    grads = grads_for(params, 90)
    step(opt, params, grads)
    return {f"param[{i}].grad after step": p.grad if p.grad is None else p.grad.clone() for i, p in enumerate(params)}


@test
def missing_grad_leaves_moments_unchanged(cls):
    # param[0] has a gradient at steps 1 and 3 but not at step 2: step 2 must leave its m, v and
    # t alone (no decay of the moments), and step 3 uses t = 2 for it.
    params = make_params(10)
    opt = cls(params, lr=0.02, weight_decay=0.1)
    for i in range(3):
        grads = grads_for(params, 100 + i)
        if i == 1:
            grads[0] = None
        step(opt, params, grads)
    return snapshot(params)


@test
def default_hyperparameters(cls):
    # AdamW(params) alone: lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=1e-2. The change of
    # each parameter is compared, not the parameter, so the small decay lr * wd * p shows; param[1]
    # gets gradients ~1e-8, where eps = 1e-8 matters.
    r = Rand(11)
    params = [r.randn(3, 4, scale=10.0).requires_grad_(True), r.randn(4).requires_grad_(True)]
    before = snapshot(params)
    opt = cls(params)
    for i in range(4):
        g = grads_for(params, 110 + i)
        step(opt, params, [g[0], g[1] * 1e-8])
    after = snapshot(params)
    return {f"change in {n}": after[n] - before[n] for n in after}
