"""ZRM measurements: entry dialog, radar and trend charts, the dossier's ZRM section."""
