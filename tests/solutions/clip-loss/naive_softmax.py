# expect: wrong_answer stable_at_logit_scale_100
# log(exp / sum exp) without subtracting the max: exp(100) overflows float32.
import torch


def clip_loss(image_embeds, text_embeds, logit_scale):
    img = image_embeds / image_embeds.norm(dim=-1, keepdim=True)
    txt = text_embeds / text_embeds.norm(dim=-1, keepdim=True)
    e = torch.exp(logit_scale * img @ txt.T)
    p_i2t = e.diagonal() / e.sum(dim=1)
    p_t2i = e.diagonal() / e.sum(dim=0)
    return -(torch.log(p_i2t).mean() + torch.log(p_t2i).mean()) / 2
