"""The judge: the only code that runs a user's solution.

Kept free of imports so the judged process can load its standalone modules
(the ``child`` package, ``api``, ``compare``, ``wire``) without the rest of the package.
"""
