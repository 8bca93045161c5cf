"""Independent reference implementation of the carbonsim model (docs/model.md), with SciPy's solve_ivp."""
