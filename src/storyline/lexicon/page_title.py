"""Where a page's title goes on with the outlet's name: "Man hurt in crash - KXQZ News 9".

A spaced dash or bar ends the headline proper; what follows names the site (and
often its home town), not the report's incident.
"""

from __future__ import annotations

import re

#: The separator before the site's name in a page title.
SITE_SUFFIX = re.compile(r"\s+[-|–—]\s+")
