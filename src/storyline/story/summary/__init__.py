"""The cited summary: candidate sentences, their support, the selection (``summarize``)."""
