# expect: wrong_answer logits_match_reference
# Averages the raw prompt embeddings, then normalises the mean.
import torch


def zero_shot_logits(image_features, classnames, templates, encode_text, logit_scale):
    """Return (logits, class_embeddings): CLIP zero-shot scores with prompt ensembling."""
    class_embeddings = []
    for name in classnames:
        prompts = [template.format(name) for template in templates]
        emb = encode_text(prompts)  # (T, D)
        mean = emb.mean(dim=0)
        class_embeddings.append(mean / mean.norm())
    weights = torch.stack(class_embeddings).to(image_features.dtype)  # (C, D)

    image = image_features / image_features.norm(dim=-1, keepdim=True)
    scale = logit_scale.exp().clamp(max=100.0)
    return scale * image @ weights.t(), weights
