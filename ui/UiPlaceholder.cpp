namespace vigil {}
