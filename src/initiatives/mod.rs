//! Initiatives: named programmes, plans and projects, and their status across editions.
