"""The household dossier: header band and one module per section."""
