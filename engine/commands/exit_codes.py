"""Exit codes (a contract): 0 success; 1 the asked-for condition failed; 2 bad input or usage; 70 internal error."""

EXIT_OK, EXIT_FAILED, EXIT_INPUT, EXIT_INTERNAL = 0, 1, 2, 70
