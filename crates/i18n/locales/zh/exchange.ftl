## Messages for export (CSV, JSON, vCard) and import of nominations.
