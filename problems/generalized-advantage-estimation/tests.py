"""Hidden tests for generalized-advantage-estimation."""

import torch

from mlkata.judge.api import Rand, require, same, tensor, test, unpack

CALL = "compute_gae(rewards, values, dones, mask, last_values, gamma, lam)"


def rollout(seed, b, t, p_done=0.0):
    r = Rand(seed)
    rewards = r.randn(b, t)
    values = r.randn(b, t, scale=0.5)
    dones = r.rand(b, t) < p_done
    last_values = r.randn(b)
    return rewards, values, dones, last_values


def right_padded(lengths, t):
    return torch.arange(t).unsqueeze(0) < torch.tensor(lengths).unsqueeze(1)


def garbage(x, mask, seed, scale=20.0):
    """x with arbitrary values at the padding columns."""
    r = Rand(seed)
    if x.dtype == torch.bool:
        return torch.where(mask, x, r.rand(*x.shape) < 0.5)
    return torch.where(mask, x, r.randn(*x.shape, scale=scale))


def run(fn, rewards, values, dones, mask, last_values, gamma, lam):
    result = fn(rewards, values, dones, mask, last_values, gamma=gamma, lam=lam)
    adv, ret = unpack(result, 2, CALL)
    return {"advantages": tensor(adv, "advantages"), "returns": tensor(ret, "returns")}


@test
def single_episode_no_dones(compute_gae):
    # One long row per trajectory, no done and no padding: bootstrap from last_values.
    rewards, values, dones, last_values = rollout(1, 2, 6)
    mask = torch.ones(2, 6, dtype=torch.bool)
    return run(compute_gae, rewards, values, dones, mask, last_values, 0.9, 0.8)


@test
def lambda_zero_and_one(compute_gae):
    # lam = 0: the TD errors; lam = 1: discounted returns minus the values.
    rewards, values, dones, last_values = rollout(2, 2, 5)
    mask = torch.ones(2, 5, dtype=torch.bool)
    out0 = run(compute_gae, rewards, values, dones, mask, last_values, 0.9, 0.0)
    out1 = run(compute_gae, rewards, values, dones, mask, last_values, 0.9, 1.0)
    return {"advantages (lam=0)": out0["advantages"], "advantages (lam=1)": out1["advantages"]}


@test
def gamma_zero_and_one(compute_gae):
    # Both ends of gamma's range [0, 1]: gamma = 0 gives A_t = r_t - V_t (no bootstrap, no
    # recursion); gamma = 1 is undiscounted.
    rewards, values, dones, last_values = rollout(7, 2, 5)
    mask = torch.ones(2, 5, dtype=torch.bool)
    out0 = run(compute_gae, rewards, values, dones, mask, last_values, 0.0, 0.9)
    out1 = run(compute_gae, rewards, values, dones, mask, last_values, 1.0, 0.9)
    return {
        "advantages (gamma=0)": out0["advantages"],
        "returns (gamma=0)": out0["returns"],
        "advantages (gamma=1)": out1["advantages"],
        "returns (gamma=1)": out1["returns"],
    }


@test
def done_cuts_bootstrap_and_recursion(compute_gae):
    # Several episodes per row: a done at t stops both the bootstrap V_{t+1} and A_{t+1}.
    rewards, values, _, last_values = rollout(3, 3, 7)
    dones = torch.zeros(3, 7, dtype=torch.bool)
    dones[0, 2] = dones[1, 0] = dones[1, 4] = dones[2, 5] = True
    mask = torch.ones(3, 7, dtype=torch.bool)
    return run(compute_gae, rewards, values, dones, mask, last_values, 0.95, 0.9)


@test
def done_at_last_step_ignores_last_values(compute_gae):
    # Row 0 ends with a done (last_values unused), row 1 is truncated (last_values used).
    rewards, values, _, _ = rollout(4, 2, 4)
    dones = torch.tensor([[False, False, False, True], [False, False, False, False]])
    mask = torch.ones(2, 4, dtype=torch.bool)
    last_values = torch.tensor([50.0, 2.0])
    return run(compute_gae, rewards, values, dones, mask, last_values, 0.9, 0.95)


@test
def right_padding_bootstraps_at_last_real_step(compute_gae):
    # Rows of 6, 3, 1 and 4 real steps padded to T = 6, garbage in the padding columns.
    t = 6
    mask = right_padded([6, 3, 1, 4], t)
    rewards, values, dones, last_values = rollout(5, 4, t, p_done=0.2)
    rewards, values, dones = garbage(rewards, mask, 51), garbage(values, mask, 52), garbage(dones, mask, 53)
    return run(compute_gae, rewards, values, dones, mask, last_values, 0.9, 0.9)


def _no_grad(expected, got):
    for key in ("advantages", "returns"):
        require(
            got[f"{key}.requires_grad"] is False,
            f"{key} requires grad: it was computed from values without detaching; the advantages and "
            "the returns are constants for PPO (the returns are the value loss's target)",
        )
    same(expected, got)


@test(check=_no_grad)
def outputs_carry_no_gradient(compute_gae):
    t = 5
    mask = right_padded([5, 3], t)
    rewards, values, dones, last_values = rollout(6, 2, t, p_done=0.2)
    values.requires_grad_(True)
    last_values.requires_grad_(True)
    out = run(compute_gae, rewards, values, dones, mask, last_values, 0.99, 0.95)
    return {
        "advantages.requires_grad": bool(out["advantages"].requires_grad),
        "returns.requires_grad": bool(out["returns"].requires_grad),
        "advantages": out["advantages"].detach(),
        "returns": out["returns"].detach(),
    }


@test
def default_gamma_and_lambda(compute_gae):
    # Called without gamma and lam: the defaults are gamma = 0.99 and lam = 0.95.
    rewards, values, dones, last_values = rollout(8, 2, 6, p_done=0.2)
    mask = right_padded([6, 4], 6)
    result = compute_gae(rewards, values, dones, mask, last_values)
    adv, ret = unpack(result, 2, "compute_gae(rewards, values, dones, mask, last_values)")
    return {"advantages": tensor(adv, "advantages"), "returns": tensor(ret, "returns")}
