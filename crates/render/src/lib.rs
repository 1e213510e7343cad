//! Chart spec → SVG (plotters) → slide SVG → PNG (resvg) / PDF (krilla).
