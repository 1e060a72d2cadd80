## Messages for the directory: search, PoC pages, nomination forms, verification queue, re-validation dashboard.
