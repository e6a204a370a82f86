//! herodotus-enrich: quotes, tone, places, entities and duplicate-story clustering.
