"""Hidden tests for mae-random-masking."""

import torch

from mlkata.judge.api import Rand, backward, require, same, tensor, test, unpack


def patches(seed, n=2, length=8, d=3):
    """x of shape (N, L, D) and noise (N, L), distinct per row, different for every sample."""
    r = Rand(seed)
    return r.randn(n, length, d), r.rand(n, length)


def mask_it(cls, x, noise, **kwargs):
    result = cls(**kwargs).random_masking(x, noise)
    x_kept, mask, ids_restore = unpack(result, 3, "random_masking(x, noise)")
    return tensor(x_kept, "x_kept"), tensor(mask, "mask"), tensor(ids_restore, "ids_restore")


def restore(cls, x_kept, mask_token, ids_restore, **kwargs):
    return tensor(cls(**kwargs).restore(x_kept, mask_token, ids_restore), "restore(x_kept, mask_token, ids_restore)")


def loss_of(cls, target, pred, mask, **kwargs):
    return tensor(cls(**kwargs).loss(target, pred, mask), "loss(target, pred, mask)")


@test
def kept_patches_have_lowest_noise(cls):
    # 3 images x 12 patches, mask_ratio 0.75: 3 patches kept per image, in increasing-noise order.
    x, noise = patches(1, n=3, length=12)
    x_kept, _, _ = mask_it(cls, x, noise)
    return {"x_kept": x_kept}


@test
def mask_marks_removed_patches_in_original_order(cls):
    x, noise = patches(2)
    _, mask, _ = mask_it(cls, x, noise)
    return {"mask": mask}


@test
def ids_restore_inverts_the_shuffle(cls):
    x, noise = patches(3)
    _, _, ids_restore = mask_it(cls, x, noise)
    return {"ids_restore": ids_restore}


@test
def each_sample_has_its_own_permutation(cls):
    # 4 images with unrelated noise: the kept patches differ from image to image.
    x, noise = patches(4, n=4, length=6, d=2)
    x_kept, mask, ids_restore = mask_it(cls, x, noise, mask_ratio=0.5)
    return {"x_kept": x_kept, "mask": mask, "ids_restore": ids_restore}


@test
def mask_ratio_is_used(cls):
    # mask_ratio 0.25 on 8 patches: 6 kept, 2 removed.
    x, noise = patches(5)
    x_kept, mask, ids_restore = mask_it(cls, x, noise, mask_ratio=0.25)
    return {"x_kept": x_kept, "mask": mask, "ids_restore": ids_restore}


@test
def len_keep_rounds_down(cls):
    # L = 6, mask_ratio 0.75: int(6 * 0.25) = int(1.5) = 1 kept, not 2.
    x, noise = patches(6, n=2, length=6, d=2)
    x_kept, mask, _ = mask_it(cls, x, noise)
    return {"x_kept": x_kept, "mask": mask}


@test
def gradients_flow_from_kept_patches_to_x(cls):
    x, noise = patches(7, length=8, d=3)
    x.requires_grad_(True)
    x_kept, _, _ = mask_it(cls, x, noise, mask_ratio=0.5)
    backward(x_kept, seed=71, what="x_kept")
    return {"x.grad": x.grad}


@test
def restore_matches_reference(cls):
    # Decoder width 5 (not the encoder's D): mask tokens go where patches were removed.
    x, noise = patches(8, n=2, length=8, d=5)
    _, _, ids_restore = mask_it(cls, x, noise)
    x_kept = Rand(80).randn(2, 2, 5)
    token = Rand(81).randn(5)
    return {"restored": restore(cls, x_kept, token, ids_restore)}


def _round_trip(expected, got):
    restored, x, mask = got["restored"], got["x"], got["mask"]
    require(tuple(restored.shape) == tuple(x.shape), f"restore returned shape {tuple(restored.shape)}, expected {tuple(x.shape)}")
    kept = mask == 0
    require(
        bool(torch.equal(restored[kept], x[kept])),
        "after masking then restoring, a kept patch is not back at its own position",
    )
    require(
        bool((restored[~kept] == got["mask_token"]).all()),
        "after masking then restoring, a removed patch's row is not the mask token",
    )
    same(expected["restored"], got["restored"], "restored")


@test(check=_round_trip)
def restore_puts_kept_patches_back_in_place(cls):
    x, noise = patches(9, n=3, length=6, d=4)
    x_kept, mask, ids_restore = mask_it(cls, x, noise, mask_ratio=0.5)
    mask_token = torch.full((4,), -7.0)
    return {"restored": restore(cls, x_kept, mask_token, ids_restore), "x": x, "mask": mask, "mask_token": mask_token}


@test
def restore_gradients_reach_kept_rows_and_mask_token(cls):
    x, noise = patches(10, n=2, length=6, d=3)
    _, _, ids_restore = mask_it(cls, x, noise, mask_ratio=0.5)
    x_kept = Rand(100).randn(2, 3, 3).requires_grad_(True)
    mask_token = Rand(101).randn(3).requires_grad_(True)
    backward(restore(cls, x_kept, mask_token, ids_restore), seed=102, what="the restored tensor")
    return {"x_kept.grad": x_kept.grad, "mask_token.grad": mask_token.grad}


def loss_inputs(seed, n=2, length=8, p=6, ratio=0.75):
    r = Rand(seed)
    target = r.rand(n, length, p) * torch.linspace(0.5, 2.0, length).unsqueeze(-1) + 0.3
    pred = r.randn(n, length, p)
    noise = r.rand(n, length)
    keep = int(length * (1 - ratio))
    mask = (torch.argsort(torch.argsort(noise, dim=1), dim=1) >= keep).float()
    return target, pred, mask


@test
def loss_on_removed_patches_only(cls):
    target, pred, mask = loss_inputs(11)
    return {"loss": loss_of(cls, target, pred, mask)}


@test
def loss_ignores_kept_patches(cls):
    # Predictions for kept patches are far off: they must not change the loss.
    target, pred, mask = loss_inputs(12, n=3, length=6, p=4, ratio=0.5)
    pred = torch.where(mask.unsqueeze(-1) == 0, pred + 100.0, pred)
    return {"loss": loss_of(cls, target, pred, mask)}


@test
def loss_with_normalised_pixel_targets(cls):
    target, pred, mask = loss_inputs(13)
    return {"loss": loss_of(cls, target, pred, mask, norm_pix_loss=True)}


@test
def norm_pix_uses_unbiased_variance(cls):
    # P = 3 values per patch: the unbiased and biased variances differ by a factor 1.5.
    target, pred, mask = loss_inputs(14, n=2, length=4, p=3, ratio=0.5)
    return {"loss": loss_of(cls, target, pred, mask, norm_pix_loss=True)}


@test
def norm_pix_eps_is_used(cls):
    # Patches of variance ~0.01 with eps = 0.05: eps dominates the denominator.
    target, pred, mask = loss_inputs(15, p=5)
    target = target * 0.2
    return {"loss": loss_of(cls, target, pred, mask, norm_pix_loss=True, eps=0.05)}


@test
def loss_gradient_wrt_pred(cls):
    target, pred, mask = loss_inputs(16, n=2, length=6, p=4, ratio=0.5)
    pred.requires_grad_(True)
    backward(loss_of(cls, target, pred, mask, norm_pix_loss=True), seed=161, what="the loss")
    return {"pred.grad": pred.grad}


def _unchanged(expected, got):
    for name in ("x", "noise", "target", "pred", "mask"):
        require(
            bool(torch.equal(got[f"{name} after the calls"], got[f"{name} before the calls"])),
            f"{name} was modified: no method may change its inputs",
        )


@test(check=_unchanged)
def inputs_unchanged(cls):
    x, noise = patches(17)
    target, pred, mask = loss_inputs(18)
    _before = {f"{k} before the calls": v.clone() for k, v in (("x", x), ("noise", noise), ("target", target), ("pred", pred), ("mask", mask))}
    x_kept, _, ids_restore = mask_it(cls, x, noise)
    restore(cls, x_kept, torch.zeros(3), ids_restore)
    loss_of(cls, target, pred, mask, norm_pix_loss=True)
    _after = {f"{k} after the calls": v for k, v in (("x", x), ("noise", noise), ("target", target), ("pred", pred), ("mask", mask))}
    return {**_before, **_after}


@test
def outputs_keep_input_dtype(cls):
    # float64 inputs (the tests' one exception to float32): x_kept, mask, restored and the loss are float64.
    x, noise = patches(19)
    x = x.double()
    x_kept, mask, ids_restore = mask_it(cls, x, noise)
    restored = restore(cls, x_kept, torch.zeros(3, dtype=torch.float64), ids_restore)
    target, pred, _ = loss_inputs(20)
    loss = loss_of(cls, target.double(), pred.double(), mask, norm_pix_loss=True)
    return {"x_kept": x_kept, "mask": mask, "ids_restore": ids_restore, "restored": restored, "loss": loss}
