"""Where the per-report analysis runs: on this machine's processes, or on a Dask cluster.

The analysis stages are pure functions of an article (``analyze.pipeline``), so a
runner only decides where batches of articles go and brings the analyses back;
the caller, the one writer, stores them.
"""

from storyline.runners.on_dask import DaskTarget, DaskTargetError, analyze_on_dask, parse_target

__all__ = ["DaskTarget", "DaskTargetError", "analyze_on_dask", "parse_target"]
