-- Trigram matching for name search; PGlite loads it from the extensions passed to its constructor.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
