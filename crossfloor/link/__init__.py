"""Link: what articles say, tied to reference data on politicians (crossfloor kb import)."""
