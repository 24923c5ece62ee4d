//! Figures: every quantity of a report with its label, matched across editions.
