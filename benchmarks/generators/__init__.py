"""The benchmark workspace generator, one module per record kind."""
