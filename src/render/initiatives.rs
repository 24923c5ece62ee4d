//! Terminal lists of initiatives: new, dropped, upgraded, renamed, delivered and silent.
