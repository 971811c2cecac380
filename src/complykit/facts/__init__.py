"""Facts derived from records that several rules share (AI Act roles, DPIA screening, breach
clocks, SoA indexes). They hold no rules themselves: the rules in `checks/` judge these facts."""
