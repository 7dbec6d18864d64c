"""Near-duplicates: MinHash groups in one pass (``minhash``), at digest time (``incremental``)."""
