//! Terminal tables for figures, figure pairs and promises.
