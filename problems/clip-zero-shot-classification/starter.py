import torch


def zero_shot_logits(image_features, classnames, templates, encode_text, logit_scale):
    """Return (logits (N, C), class_embeddings (C, D)) for CLIP zero-shot classification.

    Prompts templates[j].format(classnames[c]) -> encode_text(list of str) -> (k, D);
    normalise each prompt embedding, average per class, normalise again. logits =
    min(exp(logit_scale), 100) * normalize(image_features) @ class_embeddings.T.
    """
    raise NotImplementedError
