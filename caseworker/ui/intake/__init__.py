"""The resumable five-step intake wizard of seed 003 (one module per step page)."""
